package dev.enrichment.recap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What an expression is resolved against: the zone, {@code as_of} and today (its date in the zone), and the
 * latest day a "most recent such day" form (a weekday, a month, a date without a year, a holiday, a season) may
 * land on.
 *
 * <p>Alone, such a form looks back from today ({@code bounded} false: a bare weekday is never today, so "monday"
 * said on a Monday is a week ago). As the end of a range it may be today ("between monday and wednesday" said on a
 * Wednesday ends today), and the start of a range looks back from the end's first day, so "from friday to monday"
 * and "from december to february" never run backwards.
 */
record Reference(ZoneId zone, Instant asOf, LocalDate today, LocalDate latest, boolean bounded) {

    static Reference standalone(ZoneId zone, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, zone);
        return new Reference(zone, asOf, today, today, false);
    }

    Reference boundedBy(LocalDate latestDay) {
        return new Reference(zone, asOf, today, latestDay, true);
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(asOf, zone);
    }
}
