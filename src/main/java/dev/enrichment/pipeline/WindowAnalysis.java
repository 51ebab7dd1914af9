package dev.enrichment.pipeline;

import dev.enrichment.fact.NewFact;
import dev.enrichment.preference.NewPreference;
import java.util.List;

/**
 * Everything one analysis of a window produced, with the derived values already applied: the tone from the
 * messages' emotion labels when they carry any, the compression ratio, the confidence capped by message count.
 *
 * @param summaryType {@code time_window} (LLM) or {@code extractive} (local analyser)
 * @param model the model that answered, or the local analyser's name
 * @param promptVersion the version of the prompt and schema used
 * @param inputHash a hash of what was analysed (messages, prompt version, model), for revisions
 * @param llmCalls chat calls made, retries of invalid answers and chunk merges included
 */
public record WindowAnalysis(
        String summary,
        List<String> keyTopics,
        String emotionalTone,
        double confidenceScore,
        double compressionRatio,
        List<NewFact> facts,
        List<NewPreference> preferences,
        String summaryType,
        String model,
        String promptVersion,
        String inputHash,
        int llmCalls,
        long promptTokens,
        long completionTokens) {

    public WindowAnalysis {
        keyTopics = List.copyOf(keyTopics);
        facts = List.copyOf(facts);
        preferences = List.copyOf(preferences);
    }
}
