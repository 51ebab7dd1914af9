package dev.enrichment.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * The in-process all-MiniLM-L6-v2 model (quantised, 384 dimensions): the ONNX model and its tokenizer come inside
 * the langchain4j jar, so nothing is downloaded. Loading it (the model class's static initialiser) takes about a
 * second and needs the ONNX Runtime's native library; {@link #load()} turns every failure into an exception the
 * caller reports instead of crashing.
 */
final class LocalEmbedder implements Embedder {

    static final String MODEL = "all-minilm-l6-v2-q";
    static final int DIMENSIONS = 384;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    private LocalEmbedder(AllMiniLmL6V2QuantizedEmbeddingModel model) {
        this.model = model;
    }

    /**
     * Loads the model and embeds one word to prove the runtime works.
     *
     * @throws EmbeddingException naming the reason (missing native library, unsupported platform, …)
     */
    static LocalEmbedder load() {
        try {
            // The caller's thread runs the segments: the default would start an unmanaged thread pool, and the
            // service's CPU is better spent one batch at a time.
            LocalEmbedder embedder = new LocalEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
            embedder.embed(List.of("ready"));
            return embedder;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: ExceptionInInitializerError / UnsatisfiedLinkError / NoClassDefFoundError, which is what a
            // native image without the ONNX Runtime's JNI library (or an unsupported CPU) throws.
            throw new EmbeddingException(
                    "the local embedding model could not be loaded: "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    false,
                    e);
        }
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        return embeddings.stream().map(Embedding::vector).toList();
    }

    @Override
    public String modelName() {
        return "local/" + MODEL;
    }
}
