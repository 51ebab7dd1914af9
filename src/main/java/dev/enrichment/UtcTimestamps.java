package dev.enrichment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one conversion between {@link Instant} and WhisperEngine's {@code timestamp} columns, which hold UTC wall-clock
 * values without a zone. Going through the JVM's zone instead would shift every stored time by its offset.
 */
public final class UtcTimestamps {

    private UtcTimestamps() {}

    /** The UTC wall-clock value to store; PostgreSQL keeps microseconds, so finer digits are dropped here. */
    public static LocalDateTime naive(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime naiveUtc) {
        return naiveUtc == null ? null : naiveUtc.toInstant(ZoneOffset.UTC);
    }

    /**
     * A {@code timestamptz} value read by a native query. A naive {@code timestamp} cannot be read safely there:
     * Hibernate hands it over shifted into the JVM's zone, so queries select such columns
     * {@code AT TIME ZONE 'UTC'}, which PostgreSQL turns into the right {@code timestamptz}.
     */
    static Instant fromColumn(Object value, String column) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof LocalDateTime || value instanceof Timestamp) {
            throw new IllegalStateException(column + " is a timestamp without time zone: select it AT TIME ZONE 'UTC'");
        }
        throw new IllegalStateException(
                "unexpected timestamp type " + value.getClass().getName() + " in " + column);
    }
}
