package dev.enrichment.summary;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
        return new SummaryView(s.id, s.botName, s.userId, s.summaryText, s.summaryType, utc(s.startTimestamp),
                utc(s.endTimestamp), s.messageCount == null ? 0 : s.messageCount,
                s.keyTopics == null ? List.of() : List.copyOf(s.keyTopics), s.emotionalTone, s.compressionRatio,
                s.confidenceScore, s.enrichmentVersion, utc(s.createdAt), utc(s.updatedAt));
    }

    static Instant utc(LocalDateTime naiveUtc) {
        return naiveUtc == null ? null : naiveUtc.toInstant(ZoneOffset.UTC);
    }
}
