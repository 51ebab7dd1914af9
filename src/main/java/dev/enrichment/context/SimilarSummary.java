package dev.enrichment.context;

import dev.enrichment.summary.SummaryView;

/**
 * A past summary found similar to the current message.
 *
 * @param score how similar, 0 to 1; comparable only within one implementation
 */
public record SimilarSummary(SummaryView summary, double score) {}
