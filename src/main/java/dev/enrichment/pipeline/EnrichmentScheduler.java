package dev.enrichment.pipeline;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs the enrichment cycle every ENRICHMENT_INTERVAL_SECONDS, never overlapping itself or an admin-run cycle. */
@ApplicationScoped
class EnrichmentScheduler {

    private final EnrichmentCycle cycle;

    EnrichmentScheduler(EnrichmentCycle cycle) {
        this.cycle = cycle;
    }

    @Scheduled(
            identity = "enrichment-cycle",
            every = "${enrichment-cycle.every}",
            delayed = "${enrichment-cycle.first-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            cycle.run();
        } catch (CycleAlreadyRunningException e) {
            Log.debug("Scheduled enrichment cycle skipped: an admin-started cycle is running");
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        cycle.stop();
    }
}
