package dev.enrichment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Timestamps spelled as WhisperEngine's Python wrote them ({@code datetime.isoformat()}), always in UTC. */
public final class PythonIsoTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private PythonIsoTime() {}

    /** Naive UTC, e.g. {@code 2025-10-18T23:23:30.655569}; Python leaves the fraction out when it is zero. */
    public static String naiveUtc(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        int micros = utc.getNano() / 1_000;
        String seconds = utc.format(SECONDS);
        return micros == 0 ? seconds : seconds + String.format(".%06d", micros);
    }

    /** UTC with an explicit offset, e.g. {@code 2025-10-19T02:30:00.123456+00:00}. */
    public static String utcWithOffset(Instant instant) {
        return naiveUtc(instant) + "+00:00";
    }

    /** Reads a value either spelling wrote; a naive value is UTC, as WhisperEngine treats it. */
    public static Optional<Instant> parse(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException naiveFailed) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException offsetFailed) {
                return Optional.empty();
            }
        }
    }
}
