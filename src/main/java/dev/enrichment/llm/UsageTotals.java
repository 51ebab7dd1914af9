package dev.enrichment.llm;

import java.util.Map;

/**
 * What the LLM client has done since start: calls to {@link LlmClient#complete}, HTTP attempts, tokens and provider
 * cost of the successful ones, and failed calls by kind.
 */
public record UsageTotals(
        long calls,
        long succeeded,
        long failed,
        long attempts,
        long promptTokens,
        long completionTokens,
        long totalTokens,
        double cost,
        Map<LlmException.Kind, Long> failuresByKind) {

    public UsageTotals {
        failuresByKind = Map.copyOf(failuresByKind);
    }
}
