package dev.enrichment.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How {@link ReplyReader} reads the wait a server asks for. */
class ReplyReaderRetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSeconds() {
        assertThat(parse(Map.of("Retry-After", List.of("30")))).contains(Duration.ofSeconds(30));
        assertThat(parse(Map.of("retry-after", List.of(" 1.5 ")))).contains(Duration.ofMillis(1500));
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(parse(Map.of("Retry-After", List.of("Thu, 15 Jan 2026 10:00:42 GMT"))))
                .contains(Duration.ofSeconds(42));
        assertThat(parse(Map.of("Retry-After", List.of("Thu, 15 Jan 2026 09:59:00 GMT"))))
                .contains(Duration.ZERO);
    }

    @Test
    void prefersRetryAfterMilliseconds() {
        assertThat(parse(Map.of("retry-after-ms", List.of("250"), "Retry-After", List.of("3"))))
                .contains(Duration.ofMillis(250));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(parse(Map.of("Retry-After", List.of("soon")))).isEmpty();
        assertThat(parse(Map.of("Retry-After", List.of("-5")))).isEmpty();
        assertThat(parse(Map.of())).isEmpty();
    }

    @Test
    void saturatesAbsurdlyLongWaits() {
        assertThat(parse(Map.of("Retry-After", List.of("99999999999999999999999"))))
                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365)));
    }

    private static Optional<Duration> parse(Map<String, List<String>> headers) {
        // Header names are case-insensitive, as in a JAX-RS response.
        Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> first.put(name, values.get(0)));
        return ReplyReader.retryAfter(first::get, CLOCK);
    }
}
