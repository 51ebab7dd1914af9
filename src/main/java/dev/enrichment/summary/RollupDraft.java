package dev.enrichment.summary;

import java.util.List;

/**
 * The content of one week's or month's rollup, ready to be written to {@code enrichment_summary_rollups}.
 *
 * @param summaryType {@code time_window} for an LLM rollup, {@code extractive} for the local one, as for day summaries
 * @param messageCount the messages of the day summaries it covers, summed
 * @param model the model that wrote it, or the extractive analyser's name
 * @param sources the day summaries it was built from, oldest first
 * @param sourceFingerprint a hash of the sources as they were read, to tell later whether they changed
 */
public record RollupDraft(
        String botName,
        String userId,
        RollupPeriod period,
        String summaryText,
        String summaryType,
        int messageCount,
        List<String> keyTopics,
        String emotionalTone,
        double confidenceScore,
        String enrichmentVersion,
        String model,
        String promptVersion,
        List<SummarySource> sources,
        String sourceFingerprint) {

    public RollupDraft {
        keyTopics = List.copyOf(keyTopics);
        sources = List.copyOf(sources);
    }
}
