package dev.enrichment.summary;

import java.time.Instant;
import java.util.List;

/**
 * Content a summary had before it was replaced, with why it was replaced and what had produced it.
 *
 * @param model model of the analysis that wrote the replaced content; null when unknown (e.g. the old worker)
 */
public record SummaryRevisionView(
        long id,
        String reason,
        Instant revisedAt,
        String model,
        String promptVersion,
        String inputHash,
        String summary,
        String summaryType,
        int messageCount,
        List<String> keyTopics,
        String emotionalTone,
        Double compressionRatio,
        Double confidence,
        String enrichmentVersion) {

    static SummaryRevisionView of(SummaryRevision r) {
        return new SummaryRevisionView(
                r.id,
                r.reason,
                r.revisedAt,
                r.model,
                r.promptVersion,
                r.inputHash,
                r.summaryText,
                r.summaryType,
                r.messageCount == null ? 0 : r.messageCount,
                r.keyTopics == null ? List.of() : List.copyOf(r.keyTopics),
                r.emotionalTone,
                r.compressionRatio,
                r.confidenceScore,
                r.enrichmentVersion);
    }
}
