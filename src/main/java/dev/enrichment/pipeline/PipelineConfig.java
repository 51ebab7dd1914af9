package dev.enrichment.pipeline;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How often the worker runs and how it cuts conversations into windows. */
@ConfigMapping(prefix = "enrichment")
public interface PipelineConfig {

    /** {@code ENRICHMENT_INTERVAL_SECONDS}: pause between two cycles. */
    @Min(value = 1, message = "ENRICHMENT_INTERVAL_SECONDS must be at least 1")
    int intervalSeconds();

    /** {@code TIME_WINDOW_HOURS}: length of a summary window, aligned to UTC. */
    @Min(value = 1, message = "TIME_WINDOW_HOURS must be at least 1")
    @Max(value = 8784, message = "TIME_WINDOW_HOURS must be at most 8784 (366 days)")
    int timeWindowHours();

    /** {@code MIN_MESSAGES_FOR_SUMMARY}: windows with fewer user and assistant messages get no summary. */
    @Min(value = 1, message = "MIN_MESSAGES_FOR_SUMMARY must be at least 1")
    int minMessagesForSummary();

    /** {@code LOOKBACK_DAYS}: how far back the first cycle reads a collection it has never seen. */
    @Min(value = 0, message = "LOOKBACK_DAYS must be 0 or more")
    int lookbackDays();
}
