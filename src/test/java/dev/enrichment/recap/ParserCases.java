package dev.enrichment.recap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Shared checks of the time-expression parser's table tests: as_of "default" is {@link #AS_OF}, "as_of" an end. */
final class ParserCases {

    /** A Wednesday: 10:30 in New York, 15:30 in London. */
    static final Instant AS_OF = Instant.parse("2025-11-05T15:30:00Z");

    private ParserCases() {}

    static Instant asOf(String asOf) {
        return asOf.equals("default") ? AS_OF : OffsetDateTime.parse(asOf).toInstant();
    }

    /** Reads {@code when} and checks that it is exactly the range {@code [from, to)}. */
    static void assertReads(
            TimeExpressionParser parser, String when, ZoneId zone, String asOfText, String from, String to) {
        Instant asOf = asOf(asOfText);

        TimeReading reading = parser.read(when, zone, asOf);

        assertThat(reading).as("reading of \"%s\"", when).isInstanceOf(TimeReading.Range.class);
        ResolvedRange range = ((TimeReading.Range) reading).range();
        assertThat(range.from()).as("from").isEqualTo(OffsetDateTime.parse(from).toInstant());
        assertThat(range.to())
                .as("to")
                .isEqualTo(to.equals("as_of") ? asOf : OffsetDateTime.parse(to).toInstant());
        assertThat(range.zone()).isEqualTo(zone);
        assertThat(parser.resolve(when, zone, asOf))
                .as("resolve agrees with read")
                .isEqualTo(range);
    }
}
