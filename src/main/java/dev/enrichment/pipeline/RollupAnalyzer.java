package dev.enrichment.pipeline;

/**
 * Writes one week's or month's rollup from its day summaries: one LLM call, or the local extractive rollup when no
 * LLM key is configured. Never reads messages.
 */
public interface RollupAnalyzer {

    /**
     * @throws AnalysisFailedException when no valid rollup could be obtained; nothing may be stored then
     */
    RollupAnalysis analyze(RollupInput input);

    /** A short name for logs and the start-up report. */
    String description();
}
