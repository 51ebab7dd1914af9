package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowGridTest {

    @Test
    void alignsDailyWindowsToMidnightUtc() {
        TimeWindow w = new WindowGrid(24).windowOf(Instant.parse("2025-10-18T23:23:30.655Z"));

        assertThat(w)
                .isEqualTo(
                        new TimeWindow(Instant.parse("2025-10-18T00:00:00Z"), Instant.parse("2025-10-19T00:00:00Z")));
    }

    @Test
    void putsABoundaryMessageInTheLaterWindowOnly() {
        WindowGrid grid = new WindowGrid(6);
        Instant boundary = Instant.parse("2025-10-18T12:00:00Z");

        assertThat(grid.windowOf(boundary).start()).isEqualTo(boundary);
        assertThat(grid.windowOf(boundary.minusNanos(1)).end()).isEqualTo(boundary);
    }

    @Test
    void countsMultiDayWindowsFromTheEpoch() {
        TimeWindow w = new WindowGrid(48).windowOf(Instant.parse("1970-01-04T05:00:00Z"));

        assertThat(w.start()).isEqualTo(Instant.parse("1970-01-03T00:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("1970-01-05T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 7, 25, 36})
    void refusesLengthsOffTheUtcGrid(int hours) {
        assertThatThrownBy(() -> new WindowGrid(hours)).hasMessageContaining("TIME_WINDOW_HOURS");
    }
}
