package dev.enrichment.context;

import dev.enrichment.preference.PreferenceView;
import java.util.List;
import java.util.Map;

/**
 * A prompt-ready context for one user and one bot: the block to paste into a system prompt and the parts it was
 * made of (only what made it into the block).
 *
 * @param estimatedTokens the block's characters over 4, rounded up; never above maxTokens
 * @param block plain text with short headings; empty when nothing is known about the user
 * @param truncated whether anything was left out to fit the budget
 */
public record ContextView(
        String userId,
        String bot,
        int maxTokens,
        int estimatedTokens,
        String block,
        boolean truncated,
        Parts parts,
        Omitted omitted) {

    /**
     * What the block holds, part by part.
     *
     * @param preferences by preference type, e.g. preferred_name
     * @param facts most relevant first
     * @param latestSummary the newest conversation's summary, its text cut to the sentences in the block; null when
     *     there is none or it did not fit
     * @param similarSummaries past conversations most similar to q, most similar first
     */
    public record Parts(
            Map<String, PreferenceView> preferences,
            List<ContextFact> facts,
            ContextSummary latestSummary,
            List<ContextSummary> similarSummaries) {}

    /**
     * What was known but left out to fit the budget.
     *
     * @param latestSummarySentences sentences of the latest summary left out (all of them when it did not fit)
     */
    public record Omitted(int preferences, int facts, int latestSummarySentences, int similarSummaries) {

        boolean any() {
            return preferences + facts + latestSummarySentences + similarSummaries > 0;
        }
    }
}
