package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PythonIsoTimeTest {

    @Test
    void writesNaiveUtcWithMicrosecondsLikePython() {
        assertThat(PythonIsoTime.naiveUtc(Instant.parse("2025-10-18T23:23:30.655569Z")))
                .isEqualTo("2025-10-18T23:23:30.655569");
        assertThat(PythonIsoTime.naiveUtc(Instant.parse("2025-10-18T23:23:30.5Z")))
                .isEqualTo("2025-10-18T23:23:30.500000");
        assertThat(PythonIsoTime.naiveUtc(Instant.parse("2025-10-18T23:23:30.655569999Z")))
                .isEqualTo("2025-10-18T23:23:30.655569");
    }

    @Test
    void leavesTheFractionOutWhenItIsZero() {
        assertThat(PythonIsoTime.naiveUtc(Instant.parse("2025-10-18T00:00:00Z")))
                .isEqualTo("2025-10-18T00:00:00");
        assertThat(PythonIsoTime.utcWithOffset(Instant.parse("2025-10-19T02:30:00Z")))
                .isEqualTo("2025-10-19T02:30:00+00:00");
        assertThat(PythonIsoTime.utcWithOffset(Instant.parse("2025-10-19T02:30:00.123456789Z")))
                .isEqualTo("2025-10-19T02:30:00.123456+00:00");
    }

    @Test
    void readsNaiveValuesAsUtcAndOffsetValuesAsTheyAre() {
        assertThat(PythonIsoTime.parse("2025-10-18T23:23:30.655569"))
                .contains(Instant.parse("2025-10-18T23:23:30.655569Z"));
        assertThat(PythonIsoTime.parse("2025-10-19T01:23:30+02:00")).contains(Instant.parse("2025-10-18T23:23:30Z"));
        assertThat(PythonIsoTime.parse("yesterday")).isEmpty();
        assertThat(PythonIsoTime.parse(42)).isEmpty();
    }
}
