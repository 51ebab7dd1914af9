package dev.enrichment.summary;

import dev.enrichment.UtcTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation summary as the API returns it; times are UTC instants (the table holds naive UTC). A day summary
 * is a window of the grid; a week or month summary is a rollup of the day summaries in it, with its own ids.
 *
 * @param start the window's or period's first instant
 * @param end the window's or period's end, exclusive
 * @param compressionRatio null for a rollup, which is not compared with a transcript
 * @param granularity {@code day}, {@code week} or {@code month}
 * @param sources for a rollup, the day summaries it was built from (oldest first) and their revisions; null for a day
 */
public record SummaryView(
        int id,
        String bot,
        String userId,
        String summary,
        String summaryType,
        Instant start,
        Instant end,
        int messageCount,
        List<String> keyTopics,
        String emotionalTone,
        Double compressionRatio,
        Double confidence,
        String enrichmentVersion,
        Instant createdAt,
        Instant updatedAt,
        String granularity,
        List<SummarySource> sources) {

    /** A day summary (a window of the grid): granularity {@code day}, no sources. */
    public SummaryView(
            int id,
            String bot,
            String userId,
            String summary,
            String summaryType,
            Instant start,
            Instant end,
            int messageCount,
            List<String> keyTopics,
            String emotionalTone,
            Double compressionRatio,
            Double confidence,
            String enrichmentVersion,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                bot,
                userId,
                summary,
                summaryType,
                start,
                end,
                messageCount,
                keyTopics,
                emotionalTone,
                compressionRatio,
                confidence,
                enrichmentVersion,
                createdAt,
                updatedAt,
                Granularity.DAY.wireName(),
                null);
    }

    static SummaryView of(ConversationSummary s) {
        return new SummaryView(
                s.id,
                s.botName,
                s.userId,
                s.summaryText,
                s.summaryType,
                UtcTimestamps.instant(s.startTimestamp),
                UtcTimestamps.instant(s.endTimestamp),
                s.messageCount == null ? 0 : s.messageCount,
                s.keyTopics == null ? List.of() : List.copyOf(s.keyTopics),
                s.emotionalTone,
                s.compressionRatio,
                s.confidenceScore,
                s.enrichmentVersion,
                UtcTimestamps.instant(s.createdAt),
                UtcTimestamps.instant(s.updatedAt),
                Granularity.DAY.wireName(),
                null);
    }

    static SummaryView of(SummaryRollup r) {
        return new SummaryView(
                r.id,
                r.botName,
                r.userId,
                r.summaryText,
                r.summaryType,
                r.periodStart,
                r.periodEnd,
                r.messageCount == null ? 0 : r.messageCount,
                r.keyTopics == null ? List.of() : List.copyOf(r.keyTopics),
                r.emotionalTone,
                null,
                r.confidenceScore,
                r.enrichmentVersion,
                r.createdAt,
                r.updatedAt,
                r.granularity,
                sources(r.sourceSummaryIds, r.sourceRevisions));
    }

    static List<SummarySource> sources(List<Integer> ids, List<Integer> revisions) {
        List<SummarySource> sources = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            sources.add(new SummarySource(ids.get(i), revisions.get(i)));
        }
        return List.copyOf(sources);
    }
}
