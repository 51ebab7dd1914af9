package dev.enrichment.summary;

import java.time.Instant;
import java.util.Optional;

/**
 * One claimed entry of the search outbox.
 *
 * @param enqueuedAt when the summary was last (re)written; the entry is cleared only if it is still this one
 * @param attempts failed attempts so far
 * @param summary the summary as it is now; empty when it no longer exists, so its point must go
 */
public record IndexEntry(
        Granularity granularity, int summaryId, Instant enqueuedAt, int attempts, Optional<IndexedSummary> summary) {}
