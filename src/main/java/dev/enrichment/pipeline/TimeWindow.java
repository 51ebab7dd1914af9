package dev.enrichment.pipeline;

import java.time.Instant;

/** One cell of the UTC window grid: {@code [start, end)}. */
public record TimeWindow(Instant start, Instant end) {

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
