package dev.enrichment.testsupport.qdrant;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * Reads datetime payload strings as Qdrant's datetime index does: RFC 3339 with an offset or {@code Z}, or a naive
 * date-time (taken as UTC), with {@code T} or a space between date and time, or a bare date (midnight UTC).
 * Values are microseconds since the epoch.
 */
final class PayloadDatetimes {

    private PayloadDatetimes() {}

    static OptionalLong parseMicros(String text) {
        String normalised = text.trim().replace(' ', 'T');
        try {
            return OptionalLong.of(micros(OffsetDateTime.parse(normalised).toInstant()));
        } catch (DateTimeParseException notOffset) {
            // fall through to the naive forms
        }
        try {
            return OptionalLong.of(micros(LocalDateTime.parse(normalised).toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException notNaive) {
            // fall through to a bare date
        }
        try {
            return OptionalLong.of(
                    micros(LocalDate.parse(normalised).atStartOfDay().toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException notADate) {
            return OptionalLong.empty();
        }
    }

    static long micros(Timestamp timestamp) {
        return timestamp.getSeconds() * 1_000_000L + timestamp.getNanos() / 1_000;
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
