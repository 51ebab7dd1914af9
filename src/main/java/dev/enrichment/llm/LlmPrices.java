package dev.enrichment.llm;

import jakarta.enterprise.context.ApplicationScoped;

/** What tokens cost at the configured prices: the one place estimates and the cost metric compute it. */
@ApplicationScoped
public class LlmPrices {

    private final LlmConfig config;

    LlmPrices(LlmConfig config) {
        this.config = config;
    }

    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * config.pricePerMillionPromptTokens()
                        + completionTokens * config.pricePerMillionCompletionTokens())
                / 1_000_000d;
    }
}
