package dev.enrichment.recap;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.enrichment.pipeline.Coverage;
import java.time.Instant;
import java.util.Locale;

/**
 * Whether a recap is the whole story. A range is settled when discovery has read every message written before its
 * end (or before {@code as_of}, when the range reaches past it) and no window in it waits for analysis or failed.
 */
public enum RecapStatus {
    /** Settled, with summaries. */
    COMPLETE,
    /** Summaries, but the range is not settled yet: more may come. */
    PARTIAL,
    /** No summaries yet, and the range is not settled: the conversation may not have been processed. */
    PENDING,
    /** Settled, without summaries: there was no conversation worth a summary in the range. */
    EMPTY;

    static RecapStatus of(boolean hasSummaries, Coverage coverage, Instant settledAt) {
        boolean read =
                coverage.coveredUntil() != null && !coverage.coveredUntil().isBefore(settledAt);
        boolean settled = read && coverage.pendingWindows() == 0;
        if (hasSummaries) {
            return settled ? COMPLETE : PARTIAL;
        }
        return settled ? EMPTY : PENDING;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
