package dev.enrichment.jobs;

/** Where an admin job is in its life cycle. */
public enum JobStatus {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String dbValue;

    JobStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in {@code enrichment_jobs.status}. */
    public String dbValue() {
        return dbValue;
    }

    static JobStatus fromDbValue(String value) {
        for (JobStatus status : values()) {
            if (status.dbValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown job status: " + value);
    }
}
