package dev.enrichment.pipeline;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pipeline's shared value objects from its configuration. */
@ApplicationScoped
class PipelineProducers {

    @Produces
    @Singleton
    WindowGrid windowGrid(PipelineConfig config) {
        return new WindowGrid(config.timeWindowHours());
    }

    /** Builds the grid at start, so a TIME_WINDOW_HOURS off the UTC grid stops start-up instead of the first cycle. */
    void checkGrid(@Observes StartupEvent event, WindowGrid grid) {
        grid.windowOf(java.time.Instant.EPOCH);
    }
}
