package dev.enrichment.summary;

import java.util.List;

/** A summary's earlier contents, newest first. */
public record SummaryRevisions(int summaryId, List<SummaryRevisionView> items) {}
