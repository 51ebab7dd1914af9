package dev.enrichment.health;

import dev.enrichment.pipeline.LlmOutage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The worker's view of the LLM provider. Not ready while the provider refuses the key or the account (401, 402,
 * 403): only an operator can fix that, and every window waits for it. An outage the provider will recover from
 * pauses analysis too, but keeps the service ready: the API answers from what is stored either way.
 */
@Readiness
@ApplicationScoped
public class LlmReadinessCheck implements HealthCheck {

    private final LlmOutage outage;

    private final boolean details;

    LlmReadinessCheck(LlmOutage outage, @ConfigProperty(name = "health.details") boolean details) {
        this.outage = outage;
        this.details = details;
    }

    @Override
    public HealthCheckResponse call() {
        LlmOutage.Status status = outage.current();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("llm").withData("analysis", status.paused() ? "paused" : "running");
        // the reason quotes the provider; the admin status always shows it
        if (status.paused() && details) {
            response.withData("reason", status.reason())
                    .withData("since", status.since().toString())
                    .withData("next_probe_at", status.nextProbeAt().toString());
        }
        return status.refused() ? response.down().build() : response.up().build();
    }
}
