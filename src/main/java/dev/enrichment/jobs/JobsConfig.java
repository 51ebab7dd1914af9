package dev.enrichment.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the admin jobs. */
@ConfigMapping(prefix = "jobs")
public interface JobsConfig {

    /** How often a running job's heartbeat is refreshed (the scheduler reads {@code jobs.heartbeat-interval}). */
    @WithDefault("5s")
    Duration heartbeatInterval();

    /** A running job whose heartbeat is older than this is taken to be dead and is resumed. */
    @WithDefault("2m")
    Duration staleAfter();

    /** How often this replica looks for dead jobs to resume, first at startup (the scheduler reads the property). */
    @WithDefault("30s")
    Duration staleCheckInterval();

    /** Long jobs log their progress at most this often. */
    @WithDefault("10s")
    Duration progressLogInterval();

    /** How many planned changes a dry run keeps as a sample. */
    @WithDefault("20")
    int sampleSize();

    /** Regeneration estimate: prompt tokens per stored message. */
    @WithDefault("60")
    int estimatedTokensPerMessage();

    /** Regeneration estimate: prompt tokens of instructions and schema per window. */
    @WithDefault("1500")
    int estimatedPromptOverheadTokens();

    /** Regeneration estimate: completion tokens per window. */
    @WithDefault("400")
    int estimatedCompletionTokensPerWindow();
}
