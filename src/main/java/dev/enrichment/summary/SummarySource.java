package dev.enrichment.summary;

/**
 * One day summary a rollup was built from, and which content of it: its revision, 1 for the first content and one
 * more for each replacement (each kept in {@code enrichment_summary_revisions}).
 */
public record SummarySource(int summaryId, int revision) {}
