package dev.enrichment.jobs;

/** Where an admin job is in its life cycle; stored lower-case. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
}
