package dev.enrichment.pipeline;

/** Analyses one window: the LLM analysis, or the local extractive one when no LLM key is configured. */
public interface WindowAnalyzer {

    /**
     * @throws AnalysisFailedException when no valid analysis could be obtained; nothing may be stored then
     */
    WindowAnalysis analyze(AnalysisInput input);

    /** A short name for logs and the start-up report, e.g. "LLM (anthropic/claude-sonnet-4.5)". */
    String description();
}
