package dev.enrichment.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * What one enrichment cycle did.
 *
 * @param collectionsFailed collections whose discovery failed this cycle (retried next cycle)
 * @param newMessages messages discovery had not accounted for before
 * @param qdrantRequests requests made to Qdrant during the cycle
 */
public record CycleOutcome(Instant startedAt, Duration duration, int collections, int collectionsFailed,
        long newMessages, int windowsMarked, int analysed, int skipped, int failed, long llmCalls,
        long promptTokens, long completionTokens, long qdrantRequests) {
}
