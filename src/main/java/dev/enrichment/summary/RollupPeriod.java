package dev.enrichment.summary;

import java.time.Instant;
import java.util.Objects;

/** A week or month of UTC time that a rollup covers, half-open {@code [start, end)}. */
public record RollupPeriod(Granularity granularity, Instant start, Instant end) {

    public RollupPeriod {
        Objects.requireNonNull(granularity, "granularity");
        if (granularity == Granularity.DAY) {
            throw new IllegalArgumentException("a rollup period is a week or a month");
        }
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException("a rollup period needs a start before its end");
        }
    }

    /** Whether the period is over at this instant, so nothing new can happen in it. */
    public boolean endedBy(Instant now) {
        return !end.isAfter(now);
    }
}
