package dev.enrichment.summary;

import java.util.List;

/**
 * One page of summaries, newest first.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record SummaryPage(List<SummaryView> items, String nextCursor) {}
