package dev.enrichment.summary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How long a summary's period is: a window of the grid ({@code day}, the rows of {@code conversation_summaries}), or
 * a UTC week or calendar month rolled up from them. Stored and sent lower-case.
 */
public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    /** The name on the wire and in {@code enrichment_summary_rollups.granularity}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Granularity fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The week or month (UTC) that contains this instant, half-open.
     *
     * @param weekStartsOn the first day of a week ({@code RECAP_WEEK_STARTS_ON})
     * @throws IllegalStateException for {@link #DAY}, whose periods are the window grid's
     */
    public RollupPeriod periodContaining(Instant instant, DayOfWeek weekStartsOn) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return switch (this) {
            case WEEK -> {
                LocalDate start = day.with(TemporalAdjusters.previousOrSame(weekStartsOn));
                yield new RollupPeriod(this, midnight(start), midnight(start.plusWeeks(1)));
            }
            case MONTH -> {
                LocalDate start = day.withDayOfMonth(1);
                yield new RollupPeriod(this, midnight(start), midnight(start.plusMonths(1)));
            }
            case DAY -> throw new IllegalStateException("day summaries are windows of the grid, not rollups");
        };
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
