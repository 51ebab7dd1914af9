package dev.enrichment.pipeline;

import java.util.Locale;

/** Where a window work item is in its life cycle; stored lower-case in {@code enrichment_windows.status}. */
public enum WindowStatus {
    PENDING,
    PROCESSING,
    DONE,
    SKIPPED,
    FAILED;

    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WindowStatus fromDatabase(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
