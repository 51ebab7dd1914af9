package dev.enrichment.summary;

/**
 * A summary that mentions some of the words looked for.
 *
 * @param points 2 for each word among its key topics, 1 for each found only in its text
 */
public record WordMatch(SummaryView summary, int points) {}
