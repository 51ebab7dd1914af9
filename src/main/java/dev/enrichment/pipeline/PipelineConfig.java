package dev.enrichment.pipeline;

import dev.enrichment.StrictBooleanConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;

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

    /** {@code ENRICHMENT_DISCOVERY_OVERLAP}: discovery re-reads this far below its cursor, for clock skew between bots. */
    Duration discoveryOverlap();

    /**
     * {@code ENRICHMENT_DISCOVERY_COMMIT_EVERY}: discovery commits its marks and moves the collection's cursor after
     * this many points read, so a crash part way through a large collection keeps what was committed.
     */
    @Min(value = 100, message = "ENRICHMENT_DISCOVERY_COMMIT_EVERY must be at least 100")
    int discoveryCommitEvery();

    /**
     * {@code ENRICHMENT_MAX_CLOCK_SKEW}: a message dated further than this after now is quarantined instead of
     * moving the collection's cursor into the future.
     */
    Duration maxClockSkew();

    /** {@code ENRICHMENT_TIMESTAMP_FLOOR}: a message dated before this is quarantined as impossible. */
    Instant timestampFloor();

    /** {@code ENRICHMENT_QUIET_MINUTES}: an open window is analysed once its conversation has been quiet this long. */
    @Min(value = 0, message = "ENRICHMENT_QUIET_MINUTES must be 0 or more")
    int quietMinutes();

    /** {@code ENRICHMENT_RESUMMARIZE_MINUTES}: an open window is analysed again at most this often. */
    @Min(value = 0, message = "ENRICHMENT_RESUMMARIZE_MINUTES must be 0 or more")
    int resummarizeMinutes();

    /** {@code ENRICHMENT_MAX_ATTEMPTS}: failed analyses of a window before it is marked failed. */
    @Min(value = 1, message = "ENRICHMENT_MAX_ATTEMPTS must be at least 1")
    int maxAttempts();

    /** {@code ENRICHMENT_CONCURRENCY}: windows analysed in parallel. */
    @Min(value = 1, message = "ENRICHMENT_CONCURRENCY must be between 1 and 64")
    @Max(value = 64, message = "ENRICHMENT_CONCURRENCY must be between 1 and 64")
    int concurrency();

    /** {@code ENRICHMENT_LEASE}: how long a claimed window belongs to one process; a crashed one's lease expires. */
    Duration lease();

    /** {@code ENRICHMENT_RETRY_BACKOFF}: wait after a window's first failure, doubled at each further one. */
    Duration retryBackoff();

    /** {@code ENRICHMENT_MAX_RETRY_BACKOFF}: the longest wait between two attempts at a window. */
    Duration maxRetryBackoff();

    /** {@code LLM_MAX_INPUT_TOKENS}: a longer transcript is analysed in chunks and merged (4 characters a token). */
    @Min(value = 500, message = "LLM_MAX_INPUT_TOKENS must be at least 500")
    int maxInputTokens();

    /**
     * {@code ENRICHMENT_BATCH_MAX_WINDOWS}: ready windows of one bot and user analysed together in one call, within
     * {@code LLM_MAX_INPUT_TOKENS}; 1 analyses every window alone.
     */
    @Min(value = 1, message = "ENRICHMENT_BATCH_MAX_WINDOWS must be between 1 and 32")
    @Max(value = 32, message = "ENRICHMENT_BATCH_MAX_WINDOWS must be between 1 and 32")
    int batchMaxWindows();

    /** Weekly and monthly rollups of the day summaries. */
    Rollups rollups();

    /** How the worker rolls day summaries up into weeks and months. */
    interface Rollups {

        /** {@code ENRICHMENT_ROLLUPS_ENABLED}: build weekly and monthly rollups after the windows of a cycle. */
        @WithConverter(StrictBooleanConverter.class)
        boolean enabled();

        /** {@code RECAP_WEEK_STARTS_ON}, read here too: the first day of a rolled-up week, as recaps count weeks. */
        DayOfWeek weekStartsOn();
    }
}
