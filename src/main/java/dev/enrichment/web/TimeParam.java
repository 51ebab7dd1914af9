package dev.enrichment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A time given as a query parameter: an instant with an offset ({@code 2025-10-18T00:00:00Z}, {@code ...+02:00}) or
 * a date, which stands for a day in a zone that may only be known later. Exactly one of the two is set.
 */
public record TimeParam(Instant instant, LocalDate date) {

    /** The instant, or the date's first instant in {@code zone}. */
    public Instant startIn(ZoneId zone) {
        return instant != null ? instant : date.atStartOfDay(zone).toInstant();
    }

    /** The instant, or the next day's first instant in {@code zone}, so a range ending on a date includes that day. */
    public Instant endIn(ZoneId zone) {
        return instant != null ? instant : date.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
