package dev.enrichment.summary;

import dev.enrichment.UtcTimestamps;
import java.time.Instant;
import java.util.List;

/**
 * A conversation summary as the API returns it; times are UTC instants (the table holds naive UTC).
 *
 * @param start the window's first instant
 * @param end the window's end, exclusive
 */
public record SummaryView(int id, String bot, String userId, String summary, String summaryType, Instant start,
        Instant end, int messageCount, List<String> keyTopics, String emotionalTone, Double compressionRatio,
        Double confidence, String enrichmentVersion, Instant createdAt, Instant updatedAt) {

    static SummaryView of(ConversationSummary s) {
        return new SummaryView(s.id, s.botName, s.userId, s.summaryText, s.summaryType, UtcTimestamps.instant(s.startTimestamp),
                UtcTimestamps.instant(s.endTimestamp), s.messageCount == null ? 0 : s.messageCount,
                s.keyTopics == null ? List.of() : List.copyOf(s.keyTopics), s.emotionalTone, s.compressionRatio,
                s.confidenceScore, s.enrichmentVersion, UtcTimestamps.instant(s.createdAt), UtcTimestamps.instant(s.updatedAt));
    }
}
