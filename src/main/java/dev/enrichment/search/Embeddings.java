package dev.enrichment.search;

import dev.enrichment.search.EmbeddingsState.Status;
import dev.enrichment.search.SearchConfig.EmbeddingsProvider;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The process's embedder, chosen once at start from {@code EMBEDDINGS_PROVIDER}, and its state. The local model is
 * loaded at start (once; about a second), so the health check tells the truth from the first probe. A model that
 * cannot be loaded (e.g. a native image without the ONNX Runtime library) never stops the service: the state says
 * why, nothing is indexed, and search answers 503 with that reason.
 */
@ApplicationScoped
public class Embeddings {

    private final SearchConfig config;
    private volatile Embedder embedder;
    private volatile EmbeddingsState state;

    Embeddings(SearchConfig config) {
        this.config = config;
        this.state = config.embeddingsProvider() == EmbeddingsProvider.OFF
                ? new EmbeddingsState(
                        Status.OFF,
                        name(config.embeddingsProvider()),
                        Optional.empty(),
                        Optional.of("semantic search is switched off (EMBEDDINGS_PROVIDER=off)"))
                : new EmbeddingsState(
                        Status.UNAVAILABLE,
                        name(config.embeddingsProvider()),
                        Optional.empty(),
                        Optional.of("the embedding model has not been loaded yet"));
    }

    void onStart(@Observes StartupEvent event) {
        load();
    }

    /** Sets the embedder up once; later calls do nothing. */
    synchronized void load() {
        if (embedder != null || config.embeddingsProvider() == EmbeddingsProvider.OFF) {
            return;
        }
        String provider = name(config.embeddingsProvider());
        try {
            long started = System.nanoTime();
            Embedder loaded = config.embeddingsProvider() == EmbeddingsProvider.LOCAL
                    ? LocalEmbedder.load()
                    : new ApiEmbedder(config);
            embedder = loaded;
            state = new EmbeddingsState(Status.READY, provider, Optional.of(loaded.modelName()), Optional.empty());
            Log.infof("Embeddings ready: %s (%d ms)", loaded.modelName(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            state = new EmbeddingsState(Status.UNAVAILABLE, provider, Optional.empty(), Optional.of(e.getMessage()));
            Log.warnf("Semantic search unavailable: %s", e.getMessage());
        }
    }

    public EmbeddingsState state() {
        return state;
    }

    /**
     * The texts' vectors.
     *
     * @throws EmbeddingException when embeddings are not available or the call failed
     */
    List<float[]> embed(List<String> texts) {
        Embedder current = embedder;
        if (current == null) {
            throw new EmbeddingException(state.reason().orElse("embeddings are not available"), false, null);
        }
        return current.embed(texts);
    }

    private static String name(EmbeddingsProvider provider) {
        return provider.name().toLowerCase(Locale.ROOT);
    }
}
