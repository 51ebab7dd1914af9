package dev.enrichment.health;

import dev.enrichment.pipeline.CycleOutcome;
import dev.enrichment.pipeline.EnrichmentCycle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Whether the scheduled worker still turns over: down when no cycle has finished (completed or failed) for three
 * intervals and none is running, so an orchestrator restarts a worker whose scheduler is stuck. A cycle that fails
 * because Qdrant is unreachable still finishes: a restart would not help there, and readiness says why instead.
 */
@Liveness
@ApplicationScoped
public class WorkerLivenessCheck implements HealthCheck {

    private static final int INTERVALS = 3;

    private final EnrichmentCycle cycle;
    private final Duration interval;
    private final boolean scheduled;
    private final Clock clock;
    private final Instant started;

    WorkerLivenessCheck(
            EnrichmentCycle cycle,
            @ConfigProperty(name = "enrichment.interval-seconds") int intervalSeconds,
            @ConfigProperty(name = "enrichment-cycle.every") String every,
            Clock clock) {
        this.cycle = cycle;
        this.interval = Duration.ofSeconds(intervalSeconds);
        this.scheduled = !"off".equalsIgnoreCase(every.strip()) && !"disabled".equalsIgnoreCase(every.strip());
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public HealthCheckResponse call() {
        Optional<CycleOutcome> last = cycle.lastOutcome();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("worker")
                .withData("scheduled", scheduled)
                .withData("interval_seconds", interval.toSeconds())
                .withData("running", cycle.isRunning());
        last.ifPresent(outcome -> response.withData(
                        "last_cycle_finished_at", outcome.finishedAt().toString())
                .withData("last_cycle_outcome", outcome.completed() ? "completed" : "failed"));
        Instant since = last.map(CycleOutcome::finishedAt).orElse(started);
        boolean stuck = scheduled
                && !cycle.isRunning()
                && Duration.between(since, clock.instant()).compareTo(interval.multipliedBy(INTERVALS)) > 0;
        return stuck ? response.down().build() : response.up().build();
    }
}
