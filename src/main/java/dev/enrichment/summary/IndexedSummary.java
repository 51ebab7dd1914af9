package dev.enrichment.summary;

import java.time.Instant;
import java.util.List;

/**
 * A summary as the search index needs it: what to embed (text and topics) and what to filter on (bot, user, period).
 *
 * @param granularity {@code DAY} for a window's summary, else the rollup's period
 * @param id the id in its own table ({@code conversation_summaries} or {@code enrichment_summary_rollups})
 */
public record IndexedSummary(
        Granularity granularity,
        int id,
        String botName,
        String userId,
        Instant windowStart,
        Instant windowEnd,
        String summaryText,
        List<String> topics) {

    public IndexedSummary {
        topics = List.copyOf(topics);
    }
}
