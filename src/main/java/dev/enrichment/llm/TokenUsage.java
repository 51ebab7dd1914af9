package dev.enrichment.llm;

/** Tokens one completion used, as the provider reported them (zeros when it reported none). */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);
}
