package dev.enrichment.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

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

    /** The fact timestamp backfill's pace. */
    Backfill backfill();

    /** The history-enrichment job's defaults; each can be given per job. */
    History history();

    /** Defaults of {@code POST /admin/jobs/history-enrichment}. */
    interface History {

        /**
         * {@code JOBS_HISTORY_PHASE_DAYS}: phase bounds in days before the period's end, newest phase first (30,90:
         * the last 30 days, then 30-90, then older).
         */
        @WithDefault("30,90")
        List<Integer> phaseDays();

        /** {@code JOBS_HISTORY_TOKEN_BUDGET}: prompt plus completion tokens a live run may spend. */
        @WithDefault("2000000")
        long tokenBudget();

        /** {@code JOBS_HISTORY_CALLS_PER_MINUTE}: LLM calls a live run may start per minute. */
        @WithDefault("30")
        int callsPerMinute();

        /** {@code JOBS_HISTORY_BATCH_MAX_WINDOWS}: windows of one user analysed together in one call. */
        @WithDefault("8")
        int batchMaxWindows();
    }

    /** How the fact timestamp backfill reads and checkpoints. */
    interface Backfill {

        /**
         * {@code JOBS_BACKFILL_CHECKPOINT_INTERVAL}: the longest time between two checkpoints. The groups read since the
         * last one are written together with the next, so one transaction serves many groups instead of one each.
         */
        @WithDefault("1s")
        Duration checkpointInterval();

        /** {@code JOBS_BACKFILL_CHECKPOINT_GROUPS}: a checkpoint after at most this many (bot, user) groups. */
        @WithDefault("500")
        int checkpointGroups();

        /**
         * {@code JOBS_BACKFILL_USERS_PER_SCAN}: users of one bot whose messages one paged scan reads, instead of a
         * request per user (most users have few messages).
         */
        @WithDefault("50")
        int usersPerScan();

        /** {@code JOBS_BACKFILL_CONCURRENCY}: scans of Qdrant under way at once. */
        @WithDefault("4")
        int concurrency();
    }
}
