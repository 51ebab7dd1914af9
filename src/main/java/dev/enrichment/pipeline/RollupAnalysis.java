package dev.enrichment.pipeline;

import java.util.List;

/**
 * A rollup's content as an analyser produced it.
 *
 * @param summaryType {@code time_window} (LLM) or {@code extractive} (local), the day summaries' vocabulary
 * @param model the model that answered, or the local analyser's name
 * @param llmCalls chat calls made (0 for the extractive rollup)
 */
public record RollupAnalysis(
        String summary,
        List<String> keyTopics,
        String emotionalTone,
        double confidenceScore,
        String summaryType,
        String model,
        String promptVersion,
        int llmCalls) {

    public RollupAnalysis {
        keyTopics = List.copyOf(keyTopics);
    }
}
