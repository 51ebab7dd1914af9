package dev.enrichment.recap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * One expression's stretch of time {@code [from, to)} before it is cut at {@code as_of}. Days start at
 * {@link LocalDate#atStartOfDay(ZoneId)}, so a DST day is 23 or 25 hours long and a day whose midnight does not
 * exist starts at its first valid instant; parts of a day are wall-clock times of the zone.
 */
record Span(Instant from, Instant to) {

    static Span days(Reference ref, LocalDate first, LocalDate endExclusive) {
        return new Span(
                first.atStartOfDay(ref.zone()).toInstant(),
                endExclusive.atStartOfDay(ref.zone()).toInstant());
    }

    static Span day(Reference ref, LocalDate day) {
        return days(ref, day, day.plusDays(1));
    }

    /** From the start of {@code first} to the end of today; the cut at {@code as_of} then makes it "until now". */
    static Span upToToday(Reference ref, LocalDate first) {
        return days(ref, first, ref.today().plusDays(1));
    }

    static Span month(Reference ref, YearMonth month) {
        return days(ref, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    static Span year(Reference ref, int year) {
        return days(ref, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** Wall-clock times; in a DST gap {@code atZone} moves a time forward, in an overlap it takes the earlier one. */
    static Span wallClock(Reference ref, LocalDateTime from, LocalDateTime to) {
        return new Span(
                from.atZone(ref.zone()).toInstant(), to.atZone(ref.zone()).toInstant());
    }

    LocalDate firstDay(ZoneId zone) {
        return LocalDate.ofInstant(from, zone);
    }
}
