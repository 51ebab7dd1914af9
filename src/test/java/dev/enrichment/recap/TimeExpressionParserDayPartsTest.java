package dev.enrichment.recap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ranges shorter than a day: parts of a day and hours. New York fell back on Sunday 2025-11-02 at 02:00 (EDT -04:00
 * to EST -05:00); London fell back on Sunday 2025-10-26 (BST +01:00 to GMT) and sprang forward on 2025-03-30.
 */
class TimeExpressionParserDayPartsTest {

    private final TimeExpressionParser parser = new TimeExpressionParser(DayOfWeek.MONDAY);

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                                     | zone             | as_of                  | from                   | to
            this morning                               | UTC              | default                | 2025-11-05T05:00Z      | 2025-11-05T12:00Z
            this afternoon                             | UTC              | default                | 2025-11-05T12:00Z      | as_of
            earlier                                    | UTC              | default                | 2025-11-05T00:00Z      | as_of
            what did you say earlier?                  | UTC              | default                | 2025-11-05T00:00Z      | as_of
            hey, remind me what we discussed last night| UTC              | default                | 2025-11-04T17:00Z      | 2025-11-05T05:00Z
            yesterday evening                          | UTC              | default                | 2025-11-04T17:00Z      | 2025-11-04T22:00Z
            on monday morning                          | UTC              | default                | 2025-11-03T05:00Z      | 2025-11-03T12:00Z
            friday night                               | UTC              | default                | 2025-10-31T17:00Z      | 2025-11-01T05:00Z
            just now                                   | UTC              | default                | 2025-11-05T15:15Z      | as_of
            tonight                                    | UTC              | 2025-11-05T20:00Z      | 2025-11-05T17:00Z      | as_of
            this evening                               | UTC              | 2025-11-05T20:00Z      | 2025-11-05T17:00Z      | as_of
            # New York, the morning after falling back: the night was 13 hours long
            last night                                 | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-01T17:00-04:00 | 2025-11-02T05:00-05:00
            saturday night                             | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-01T17:00-04:00 | 2025-11-02T05:00-05:00
            earlier                                    | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-02T00:00-04:00 | as_of
            this morning                               | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-02T05:00-05:00 | as_of
            yesterday afternoon                        | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-01T12:00-04:00 | 2025-11-01T17:00-04:00
            just now                                   | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-02T08:45-05:00 | as_of
            # 01:30 for the second time: tonight is still the night that began yesterday evening
            tonight                                    | America/New_York | 2025-11-02T01:30-05:00 | 2025-11-01T17:00-04:00 | as_of
            # London, the morning after falling back
            last night                                 | Europe/London    | 2025-10-26T10:00Z      | 2025-10-25T17:00+01:00 | 2025-10-26T05:00Z
            earlier today                              | Europe/London    | 2025-10-26T10:00Z      | 2025-10-26T00:00+01:00 | as_of
            this morning                               | Europe/London    | 2025-10-26T10:00Z      | 2025-10-26T05:00Z      | as_of
            saturday evening                           | Europe/London    | 2025-10-26T10:00Z      | 2025-10-25T17:00+01:00 | 2025-10-25T22:00+01:00
            what were we saying just now?              | Europe/London    | 2025-10-26T10:00Z      | 2025-10-26T09:45Z      | as_of
            tonight                                    | Europe/London    | 2025-10-26T23:00Z      | 2025-10-26T17:00Z      | as_of
            """)
    void readsPartsOfTheDay(String when, ZoneId zone, String asOf, String from, String to) {
        ParserCases.assertReads(parser, when, zone, asOf, from, to);
    }

    // Hours are real hours counted back from as_of: across a DST change they are not wall-clock hours.
    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                                | zone             | as_of                  | from                   | to
            last 5 hours                          | UTC              | default                | 2025-11-05T10:30Z      | as_of
            the last hour                         | UTC              | default                | 2025-11-05T14:30Z      | as_of
            past 48 hours                         | UTC              | default                | 2025-11-03T15:30Z      | as_of
            anything in the last 24 hours?        | UTC              | default                | 2025-11-04T15:30Z      | as_of
            past 90 minutes                       | UTC              | default                | 2025-11-05T14:00Z      | as_of
            the past few hours                    | UTC              | default                | 2025-11-05T11:30Z      | as_of
            # 12 real hours before 09:00 EST is 22:00 EDT: 11 hours on the wall clock
            last 12 hours                         | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-01T22:00-04:00 | as_of
            past 48 hours                         | America/New_York | 2025-11-02T09:00-05:00 | 2025-10-31T10:00-04:00 | as_of
            the last hour                         | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-02T08:00-05:00 | as_of
            last three hours                      | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-02T06:00-05:00 | as_of
            # 8 real hours back is the second 01:00 of the night, on EST
            past 8 hours                          | America/New_York | 2025-11-02T09:00-05:00 | 2025-11-02T01:00-05:00 | as_of
            # London sprang forward on 2025-03-30: 24 real hours before 12:00 BST is 11:00 GMT the day before
            past 24 hours                         | Europe/London    | 2025-03-30T12:00+01:00 | 2025-03-29T11:00Z      | as_of
            last 12 hours                         | Europe/London    | 2025-03-30T12:00+01:00 | 2025-03-29T23:00Z      | as_of
            the last hour                         | Europe/London    | 2025-03-30T12:00+01:00 | 2025-03-30T11:00+01:00 | as_of
            last 2 hours                          | Europe/London    | 2025-03-30T12:00+01:00 | 2025-03-30T10:00+01:00 | as_of
            past 48 hours                         | Europe/London    | 2025-03-30T12:00+01:00 | 2025-03-28T11:00Z      | as_of
            """)
    void readsHours(String when, ZoneId zone, String asOf, String from, String to) {
        ParserCases.assertReads(parser, when, zone, asOf, from, to);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            this evening         | "this evening" starts at or after as_of
            tonight              | "tonight" starts at or after as_of
            yesterday at 3pm     | "at 3pm" is a time of day
            two hours ago        | "two hours ago" is a moment, not a range
            in the morning       | could not read "in the morning"
            """)
    void refusesWhatItCannotReadWhole(String when, String reason) {
        TimeReading reading = parser.read(when, ZoneId.of("UTC"), ParserCases.AS_OF);

        assertThat(reading)
                .isInstanceOfSatisfying(
                        TimeReading.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason()).startsWith(reason));
    }
}
