package dev.enrichment.health;

import dev.enrichment.search.Embeddings;
import dev.enrichment.search.EmbeddingsState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports semantic search's state (ready, off, or unavailable and why) without ever making the service unready:
 * summaries, recaps and the worker do not need it, and search itself answers 503 with the same reason.
 */
@Readiness
@ApplicationScoped
public class SearchReadinessCheck implements HealthCheck {

    private final Embeddings embeddings;

    SearchReadinessCheck(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public HealthCheckResponse call() {
        EmbeddingsState state = embeddings.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("search")
                .up()
                .withData("state", state.status().name().toLowerCase(java.util.Locale.ROOT))
                .withData("provider", state.provider());
        state.model().ifPresent(model -> response.withData("model", model));
        state.reason().ifPresent(reason -> response.withData("reason", reason));
        return response.build();
    }
}
