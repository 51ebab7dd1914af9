package dev.enrichment.pipeline;

/** Where a window work item is in its life cycle; stored lower-case. */
public enum WindowStatus {
    PENDING,
    PROCESSING,
    DONE,
    SKIPPED,
    FAILED
}
