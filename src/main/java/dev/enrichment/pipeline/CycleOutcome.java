package dev.enrichment.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * What one enrichment cycle did.
 *
 * @param error why the cycle failed as a whole (Qdrant unreachable, a window worker crashed), or null when it ran
 *     to its end; failures of single collections or windows do not fail the cycle, they are counted
 * @param collectionsFailed collections whose discovery failed this cycle (retried next cycle)
 * @param newMessages messages discovery had not accounted for before
 * @param rollupsBuilt weekly and monthly rollups written (new or rebuilt); their LLM calls are in {@code llmCalls}
 * @param rollupsFailed rollup builds that failed this cycle (retried on a later one)
 * @param qdrantRequests requests made to Qdrant during the cycle
 */
public record CycleOutcome(
        Instant startedAt,
        Duration duration,
        String error,
        int collections,
        int collectionsFailed,
        long newMessages,
        int windowsMarked,
        int analysed,
        int skipped,
        int failed,
        int rollupsBuilt,
        int rollupsFailed,
        long llmCalls,
        long promptTokens,
        long completionTokens,
        long qdrantRequests) {

    /** Whether the cycle ran to its end. */
    public boolean completed() {
        return error == null;
    }

    public Instant finishedAt() {
        return startedAt.plus(duration);
    }
}
