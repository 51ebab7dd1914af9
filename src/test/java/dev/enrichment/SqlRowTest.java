package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SqlRowTest {

    private static final Instant AT = Instant.parse("2025-10-18T23:23:30.655569Z");

    @Inject
    EntityManager em;

    // Zones far from UTC on both sides: any conversion through the JVM's zone shifts the value by hours.
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Pacific/Kiritimati", "America/Los_Angeles"})
    void readsNaiveUtcAndZonedTimestampsAsTheSameInstantWhateverTheJvmZone(String jvmZone) {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
            SqlRow row = QuarkusTransaction.requiringNew()
                    .call(() -> SqlRow.first(SqlRow.query(em, """
                    SELECT TIMESTAMP '2025-10-18 23:23:30.655569' AT TIME ZONE 'UTC' AS naive,
                           TIMESTAMPTZ '2025-10-18 23:23:30.655569+00' AS zoned,
                           CAST(NULL AS timestamptz) AS missing""")).orElseThrow());
            assertThat(row.instant("naive")).isEqualTo(AT);
            assertThat(row.instant("zoned")).isEqualTo(AT);
            assertThat(row.instant("missing")).isNull();
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void refusesANaiveTimestampRatherThanGuessItsZone() {
        SqlRow row = QuarkusTransaction.requiringNew()
                .call(() -> SqlRow.first(SqlRow.query(em, "SELECT TIMESTAMP '2025-10-18 23:23:30' AS created_at"))
                        .orElseThrow());
        assertThatThrownBy(() -> row.instant("created_at"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("created_at")
                .hasMessageContaining("AT TIME ZONE 'UTC'");
    }

    @Test
    void readsColumnsByNameWhateverTheirOrder() {
        UUID id = UUID.randomUUID();
        SqlRow row = QuarkusTransaction.requiringNew()
                .call(() -> SqlRow.first(SqlRow.query(em, """
                SELECT CAST(:id AS uuid) AS id, 'elena' AS bot, CAST(7 AS bigint) AS big, 3 AS small,
                       CAST(0.25 AS real) AS score, CAST(NULL AS double precision) AS unknown""").setParameter("id", id.toString()))
                        .orElseThrow());
        assertThat(row.uuid("id")).isEqualTo(id);
        assertThat(row.text("bot")).isEqualTo("elena");
        assertThat(row.longValue("big")).isEqualTo(7L);
        assertThat(row.intValue("small")).isEqualTo(3);
        assertThat(row.decimal("score")).isEqualTo(0.25);
        assertThat(row.decimal("unknown")).isNull();
    }

    @Test
    void findsNoRowWhenTheQueryReturnsNone() {
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> SqlRow.first(SqlRow.query(em, "SELECT 1 AS one WHERE FALSE"))))
                .isEmpty();
    }
}
