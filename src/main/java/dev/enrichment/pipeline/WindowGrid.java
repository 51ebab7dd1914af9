package dev.enrichment.pipeline;

import java.time.Instant;

/**
 * Cuts time into windows of {@code TIME_WINDOW_HOURS}, aligned to UTC: a length dividing 24 starts windows at
 * midnight UTC and evenly through the day; a multiple of 24 counts whole days from the Unix epoch.
 */
public final class WindowGrid {

    private final long seconds;

    public WindowGrid(int hours) {
        if (hours < 1 || (24 % hours != 0 && hours % 24 != 0)) {
            throw new IllegalArgumentException("TIME_WINDOW_HOURS must divide 24 (1, 2, 3, 4, 6, 8, 12, 24) or be a "
                    + "multiple of 24, got " + hours);
        }
        this.seconds = hours * 3600L;
    }

    public TimeWindow windowOf(Instant t) {
        long start = Math.floorDiv(t.getEpochSecond(), seconds) * seconds;
        return new TimeWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + seconds));
    }
}
