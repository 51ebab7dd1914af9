package dev.enrichment.llm;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the wait a server asks for: {@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date. */
final class RetryAfterHeader {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final BigDecimal LONGEST = BigDecimal.valueOf(Long.MAX_VALUE);

    private RetryAfterHeader() {
    }

    static Optional<Duration> parse(HttpHeaders headers, Clock clock) {
        // retry-after-ms is what OpenAI sends for sub-second waits; its SDKs prefer it over Retry-After.
        Optional<Duration> millis = headers.firstValue("retry-after-ms")
                .map(String::strip)
                .filter(value -> NUMBER.matcher(value).matches())
                .map(value -> nanos(new BigDecimal(value).movePointRight(6)));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(value -> parse(value.strip(), clock));
    }

    static Optional<Duration> parse(String value, Clock clock) {
        if (NUMBER.matcher(value).matches()) {
            return Optional.of(nanos(new BigDecimal(value).movePointRight(9)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration nanos(BigDecimal nanos) {
        return nanos.compareTo(LONGEST) >= 0 ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos(nanos.longValue());
    }
}
