package dev.enrichment.pipeline.analysis;

import dev.enrichment.llm.LlmClient;
import dev.enrichment.pipeline.PipelineConfig;
import dev.enrichment.pipeline.RollupAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Chooses the rollup analyser once per process, as the window analyser is chosen: the LLM one when an API key is
 * set, else the extractive one. A failed LLM call never falls back to it.
 */
@ApplicationScoped
public class RollupAnalyzerProducer {

    @Produces
    @ApplicationScoped
    RollupAnalyzer rollupAnalyzer(LlmClient llm, PipelineConfig pipeline) {
        return choose(llm, pipeline.maxInputTokens());
    }

    static RollupAnalyzer choose(LlmClient llm, int maxInputTokens) {
        return llm.isConfigured() ? new LlmRollupAnalyzer(llm, maxInputTokens) : new ExtractiveRollupAnalyzer();
    }
}
