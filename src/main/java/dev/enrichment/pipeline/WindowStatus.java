package dev.enrichment.pipeline;

/** Where a window work item is in its life cycle. */
public enum WindowStatus {
    PENDING("pending"),
    PROCESSING("processing"),
    DONE("done"),
    SKIPPED("skipped"),
    FAILED("failed");

    private final String dbValue;

    WindowStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in {@code enrichment_windows.status}. */
    public String dbValue() {
        return dbValue;
    }

    static WindowStatus fromDbValue(String value) {
        for (WindowStatus status : values()) {
            if (status.dbValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown window status: " + value);
    }
}
