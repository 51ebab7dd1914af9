package dev.enrichment.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollupPeriodTest {

    private static final Instant WEDNESDAY_NOON = Instant.parse("2025-10-29T12:00:00Z");

    @Test
    void weeksStartAtUtcMidnightOfTheConfiguredDay() {
        assertThat(Granularity.WEEK.periodContaining(WEDNESDAY_NOON, DayOfWeek.MONDAY))
                .isEqualTo(new RollupPeriod(
                        Granularity.WEEK,
                        Instant.parse("2025-10-27T00:00:00Z"),
                        Instant.parse("2025-11-03T00:00:00Z")));
        assertThat(Granularity.WEEK.periodContaining(WEDNESDAY_NOON, DayOfWeek.SUNDAY))
                .isEqualTo(new RollupPeriod(
                        Granularity.WEEK,
                        Instant.parse("2025-10-26T00:00:00Z"),
                        Instant.parse("2025-11-02T00:00:00Z")));
    }

    @Test
    void theFirstInstantOfAWeekBelongsToItAndTheLastBeforeItToThePreviousOne() {
        Instant monday = Instant.parse("2025-10-27T00:00:00Z");
        assertThat(Granularity.WEEK.periodContaining(monday, DayOfWeek.MONDAY).start())
                .isEqualTo(monday);
        assertThat(Granularity.WEEK
                        .periodContaining(monday.minusNanos(1), DayOfWeek.MONDAY)
                        .end())
                .isEqualTo(monday);
    }

    @Test
    void monthsAreUtcCalendarMonths() {
        assertThat(Granularity.MONTH.periodContaining(WEDNESDAY_NOON, DayOfWeek.MONDAY))
                .isEqualTo(new RollupPeriod(
                        Granularity.MONTH,
                        Instant.parse("2025-10-01T00:00:00Z"),
                        Instant.parse("2025-11-01T00:00:00Z")));
        assertThat(Granularity.MONTH
                        .periodContaining(Instant.parse("2024-02-29T23:59:59Z"), DayOfWeek.MONDAY)
                        .end())
                .isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @Test
    void aPeriodHasEndedOnlyFromItsEndOn() {
        RollupPeriod week = Granularity.WEEK.periodContaining(WEDNESDAY_NOON, DayOfWeek.MONDAY);
        assertThat(week.endedBy(week.end().minusSeconds(1))).isFalse();
        assertThat(week.endedBy(week.end())).isTrue();
    }

    @Test
    void dayIsNoRollupPeriod() {
        assertThatThrownBy(() -> Granularity.DAY.periodContaining(WEDNESDAY_NOON, DayOfWeek.MONDAY))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Granularity.fromWire("week")).isEqualTo(Granularity.WEEK);
        assertThat(Granularity.MONTH.wireName()).isEqualTo("month");
    }
}
