package dev.enrichment.pipeline;

/** The outcome of one window, with the analysis when there was one and the error when it failed. */
public record WindowResult(WindowOutcome outcome, WindowAnalysis analysis, String error) {}
