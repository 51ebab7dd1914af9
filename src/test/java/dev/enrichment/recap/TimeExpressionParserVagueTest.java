package dev.enrichment.recap;

import java.time.DayOfWeek;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vague quantities (a couple 1–3, a few 2–4, several 3–7 units ago; the other day 2–7 days ago), fortnights and
 * "before last" / "previous". New York fell back on Sunday 2025-11-02, London on Sunday 2025-10-26.
 */
class TimeExpressionParserVagueTest {

    private final TimeExpressionParser parser = new TimeExpressionParser(DayOfWeek.MONDAY);

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                                 | zone             | as_of                  | from                   | to
            a couple of days ago                   | UTC              | default                | 2025-11-02T00:00Z      | 2025-11-05T00:00Z
            a few days ago                         | UTC              | default                | 2025-11-01T00:00Z      | 2025-11-04T00:00Z
            several days ago                       | UTC              | default                | 2025-10-29T00:00Z      | 2025-11-03T00:00Z
            we talked about it the other day       | UTC              | default                | 2025-10-29T00:00Z      | 2025-11-04T00:00Z
            the past few days                      | UTC              | default                | 2025-11-01T00:00Z      | as_of
            the last couple of days                | UTC              | default                | 2025-11-02T00:00Z      | as_of
            3 days back                            | UTC              | default                | 2025-11-02T00:00Z      | 2025-11-03T00:00Z
            a few weeks ago                        | UTC              | default                | 2025-10-06T00:00Z      | 2025-10-27T00:00Z
            several weeks ago                      | UTC              | default                | 2025-09-15T00:00Z      | 2025-10-20T00:00Z
            a couple of months ago                 | UTC              | default                | 2025-08-01T00:00Z      | 2025-11-01T00:00Z
            couple days ago                        | UTC              | default                | 2025-11-02T00:00Z      | 2025-11-05T00:00Z
            # New York on Tuesday after falling back
            a couple of days ago                   | America/New_York | 2025-11-04T12:00-05:00 | 2025-11-01T00:00-04:00 | 2025-11-04T00:00-05:00
            a few days ago                         | America/New_York | 2025-11-04T12:00-05:00 | 2025-10-31T00:00-04:00 | 2025-11-03T00:00-05:00
            the other day                          | America/New_York | 2025-11-04T12:00-05:00 | 2025-10-28T00:00-04:00 | 2025-11-03T00:00-05:00
            over the past few days                 | America/New_York | 2025-11-04T12:00-05:00 | 2025-10-31T00:00-04:00 | as_of
            2 days back                            | America/New_York | 2025-11-04T12:00-05:00 | 2025-11-02T00:00-04:00 | 2025-11-03T00:00-05:00
            # London on Tuesday after falling back
            a couple of days ago                   | Europe/London    | 2025-10-28T12:00Z      | 2025-10-25T00:00+01:00 | 2025-10-28T00:00Z
            several days ago                       | Europe/London    | 2025-10-28T12:00Z      | 2025-10-21T00:00+01:00 | 2025-10-26T00:00+01:00
            a few days ago                         | Europe/London    | 2025-10-28T12:00Z      | 2025-10-24T00:00+01:00 | 2025-10-27T00:00Z
            the other day                          | Europe/London    | 2025-10-28T12:00Z      | 2025-10-21T00:00+01:00 | 2025-10-27T00:00Z
            the past couple of days                | Europe/London    | 2025-10-28T12:00Z      | 2025-10-25T00:00+01:00 | as_of
            a couple of weeks ago                  | Europe/London    | 2025-10-28T12:00Z      | 2025-10-06T00:00+01:00 | 2025-10-27T00:00Z
            """)
    void readsVagueQuantities(String when, ZoneId zone, String asOf, String from, String to) {
        ParserCases.assertReads(parser, when, zone, asOf, from, to);
    }

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                                 | zone             | as_of                  | from                   | to
            last fortnight                         | UTC              | default                | 2025-10-22T00:00Z      | as_of
            over the past fortnight                | UTC              | default                | 2025-10-22T00:00Z      | as_of
            a fortnight ago                        | UTC              | default                | 2025-10-20T00:00Z      | 2025-10-27T00:00Z
            two fortnights ago                     | UTC              | default                | 2025-10-06T00:00Z      | 2025-10-13T00:00Z
            the week before last                   | UTC              | default                | 2025-10-20T00:00Z      | 2025-10-27T00:00Z
            previous week                          | UTC              | default                | 2025-10-27T00:00Z      | 2025-11-03T00:00Z
            the previous month                     | UTC              | default                | 2025-10-01T00:00Z      | 2025-11-01T00:00Z
            previous year                          | UTC              | default                | 2024-01-01T00:00Z      | 2025-01-01T00:00Z
            the month before last                  | UTC              | default                | 2025-09-01T00:00Z      | 2025-10-01T00:00Z
            the weekend before last                | UTC              | default                | 2025-10-25T00:00Z      | 2025-10-27T00:00Z
            # New York, the Wednesday after the week that held the change
            last fortnight                         | America/New_York | 2025-11-12T12:00-05:00 | 2025-10-29T00:00-04:00 | as_of
            a fortnight ago                        | America/New_York | 2025-11-12T12:00-05:00 | 2025-10-27T00:00-04:00 | 2025-11-03T00:00-05:00
            the week before last                   | America/New_York | 2025-11-12T12:00-05:00 | 2025-10-27T00:00-04:00 | 2025-11-03T00:00-05:00
            previous week                          | America/New_York | 2025-11-12T12:00-05:00 | 2025-11-03T00:00-05:00 | 2025-11-10T00:00-05:00
            the weekend before last                | America/New_York | 2025-11-12T12:00-05:00 | 2025-11-01T00:00-04:00 | 2025-11-03T00:00-05:00
            # London
            past fortnight                         | Europe/London    | default                | 2025-10-22T00:00+01:00 | as_of
            a fortnight ago                        | Europe/London    | default                | 2025-10-20T00:00+01:00 | 2025-10-27T00:00Z
            the week before last                   | Europe/London    | default                | 2025-10-20T00:00+01:00 | 2025-10-27T00:00Z
            the weekend before last                | Europe/London    | default                | 2025-10-25T00:00+01:00 | 2025-10-27T00:00Z
            previous month                         | Europe/London    | default                | 2025-10-01T00:00+01:00 | 2025-11-01T00:00Z
            """)
    void readsFortnightsAndPeriodsBeforeLast(String when, ZoneId zone, String asOf, String from, String to) {
        ParserCases.assertReads(parser, when, zone, asOf, from, to);
    }
}
