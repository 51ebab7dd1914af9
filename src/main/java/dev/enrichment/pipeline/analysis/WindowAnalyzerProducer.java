package dev.enrichment.pipeline.analysis;

import dev.enrichment.llm.LlmClient;
import dev.enrichment.pipeline.PipelineConfig;
import dev.enrichment.pipeline.WindowAnalyzer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** Chooses the window analyser once per process: the LLM one when an API key is set, else the extractive one. */
@ApplicationScoped
public class WindowAnalyzerProducer {

    @Produces
    @ApplicationScoped
    WindowAnalyzer windowAnalyzer(LlmClient llm, PipelineConfig pipeline) {
        return choose(llm, pipeline.maxInputTokens());
    }

    static WindowAnalyzer choose(LlmClient llm, int maxInputTokens) {
        return llm.isConfigured() ? new LlmWindowAnalyzer(llm, maxInputTokens) : new ExtractiveWindowAnalyzer();
    }

    // Calling the analyser creates it now rather than at the first window, so the choice is in the start-up log.
    void reportAtStart(@Observes StartupEvent event, WindowAnalyzer analyzer, LlmClient llm) {
        Log.info(startupLine(analyzer, llm.isConfigured()));
    }

    static String startupLine(WindowAnalyzer analyzer, boolean llmConfigured) {
        String line = "Window analyser: " + analyzer.description();
        return llmConfigured
                ? line
                : line + "; summaries are marked extractive, with confidence <= "
                        + ExtractiveWindowAnalyzer.MAX_CONFIDENCE + ", and can be regenerated once a key is set";
    }
}
