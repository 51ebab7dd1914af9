package dev.enrichment.recap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Named months and dates, numeric dates in both orders, seasons and holidays, each the most recent that has begun.
 * as_of "default" is Wednesday 2025-11-05 15:30 UTC. New York fell back on Sunday 2025-11-02, London on Sunday
 * 2025-10-26 and sprang forward on Sunday 2025-03-30.
 */
class TimeExpressionParserCalendarTest {

    private final TimeExpressionParser monthFirst = new TimeExpressionParser(DayOfWeek.MONDAY, DateOrder.MDY);
    private final TimeExpressionParser dayFirst = new TimeExpressionParser(DayOfWeek.MONDAY, DateOrder.DMY);

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                          | zone             | as_of   | from                   | to
            october                         | UTC              | default | 2025-10-01T00:00Z      | 2025-11-01T00:00Z
            what did we say in oct?         | UTC              | default | 2025-10-01T00:00Z      | 2025-11-01T00:00Z
            last october                    | UTC              | default | 2025-10-01T00:00Z      | 2025-11-01T00:00Z
            last november                   | UTC              | default | 2024-11-01T00:00Z      | 2024-12-01T00:00Z
            december                        | UTC              | default | 2024-12-01T00:00Z      | 2025-01-01T00:00Z
            # the 10th is after today's 5th: last month's
            on the 10th                     | UTC              | default | 2025-10-10T00:00Z      | 2025-10-11T00:00Z
            on the 3rd                      | UTC              | default | 2025-11-03T00:00Z      | 2025-11-04T00:00Z
            the 31st                        | UTC              | default | 2025-10-31T00:00Z      | 2025-11-01T00:00Z
            march 3                         | UTC              | default | 2025-03-03T00:00Z      | 2025-03-04T00:00Z
            3 march                         | UTC              | default | 2025-03-03T00:00Z      | 2025-03-04T00:00Z
            3rd of march                    | UTC              | default | 2025-03-03T00:00Z      | 2025-03-04T00:00Z
            March 3rd                       | UTC              | default | 2025-03-03T00:00Z      | 2025-03-04T00:00Z
            the 3rd of march 2024           | UTC              | default | 2024-03-03T00:00Z      | 2024-03-04T00:00Z
            december 3                      | UTC              | default | 2024-12-03T00:00Z      | 2024-12-04T00:00Z
            2025-10-03                      | UTC              | default | 2025-10-03T00:00Z      | 2025-10-04T00:00Z
            3/4                             | UTC              | default | 2025-03-04T00:00Z      | 2025-03-05T00:00Z
            03/04/2025                      | UTC              | default | 2025-03-04T00:00Z      | 2025-03-05T00:00Z
            3/4/24                          | UTC              | default | 2024-03-04T00:00Z      | 2024-03-05T00:00Z
            # a part above 12 can only be the day
            13/4                            | UTC              | default | 2025-04-13T00:00Z      | 2025-04-14T00:00Z
            4/13                            | UTC              | default | 2025-04-13T00:00Z      | 2025-04-14T00:00Z
            # a date later this year is last year's
            12/24                           | UTC              | default | 2024-12-24T00:00Z      | 2024-12-25T00:00Z
            in 2024                         | UTC              | default | 2024-01-01T00:00Z      | 2025-01-01T00:00Z
            # New York: the 2nd was 25 hours long
            the 2nd                         | America/New_York | default | 2025-11-02T00:00-04:00 | 2025-11-03T00:00-05:00
            11/2                            | America/New_York | default | 2025-11-02T00:00-04:00 | 2025-11-03T00:00-05:00
            november 2                      | America/New_York | default | 2025-11-02T00:00-04:00 | 2025-11-03T00:00-05:00
            2 nov                           | America/New_York | default | 2025-11-02T00:00-04:00 | 2025-11-03T00:00-05:00
            in november                     | America/New_York | default | 2025-11-01T00:00-04:00 | as_of
            october                         | America/New_York | default | 2025-10-01T00:00-04:00 | 2025-11-01T00:00-04:00
            # London: the 26th was 25 hours long, 30 March 23
            the 26th                        | Europe/London    | default | 2025-10-26T00:00+01:00 | 2025-10-27T00:00Z
            26/10                           | Europe/London    | default | 2025-10-26T00:00+01:00 | 2025-10-27T00:00Z
            26th of october                 | Europe/London    | default | 2025-10-26T00:00+01:00 | 2025-10-27T00:00Z
            march 30                        | Europe/London    | default | 2025-03-30T00:00Z      | 2025-03-31T00:00+01:00
            in october                      | Europe/London    | default | 2025-10-01T00:00+01:00 | 2025-11-01T00:00Z
            """)
    void readsMonthsAndDates(String when, ZoneId zone, String asOf, String from, String to) {
        ParserCases.assertReads(monthFirst, when, zone, asOf, from, to);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # when       | from                   | to
            3/4          | 2025-04-03T00:00Z      | 2025-04-04T00:00Z
            03/04/2025   | 2025-04-03T00:00Z      | 2025-04-04T00:00Z
            1/11         | 2025-11-01T00:00Z      | 2025-11-02T00:00Z
            4/13         | 2025-04-13T00:00Z      | 2025-04-14T00:00Z
            13/4         | 2025-04-13T00:00Z      | 2025-04-14T00:00Z
            """)
    void readsAmbiguousNumericDatesDayFirstWhenConfigured(String when, String from, String to) {
        ParserCases.assertReads(dayFirst, when, ZoneId.of("UTC"), "default", from, to);
    }

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                          | zone             | as_of             | from                   | to
            summer                          | UTC              | default           | 2025-06-01T00:00Z      | 2025-09-01T00:00Z
            last summer                     | UTC              | default           | 2025-06-01T00:00Z      | 2025-09-01T00:00Z
            in the spring                   | UTC              | default           | 2025-03-01T00:00Z      | 2025-06-01T00:00Z
            # the current autumn counts; "last autumn" must be over
            autumn                          | UTC              | default           | 2025-09-01T00:00Z      | as_of
            this fall                       | UTC              | default           | 2025-09-01T00:00Z      | as_of
            last autumn                     | UTC              | default           | 2024-09-01T00:00Z      | 2024-12-01T00:00Z
            winter                          | UTC              | default           | 2024-12-01T00:00Z      | 2025-03-01T00:00Z
            during the winter               | UTC              | 2026-01-10T12:00Z | 2025-12-01T00:00Z      | as_of
            last winter                     | UTC              | 2026-01-10T12:00Z | 2024-12-01T00:00Z      | 2025-03-01T00:00Z
            last summer                     | UTC              | 2025-07-10T12:00Z | 2024-06-01T00:00Z      | 2024-09-01T00:00Z
            # New York
            autumn                          | America/New_York | default           | 2025-09-01T00:00-04:00 | as_of
            in the fall                     | America/New_York | default           | 2025-09-01T00:00-04:00 | as_of
            summer                          | America/New_York | default           | 2025-06-01T00:00-04:00 | 2025-09-01T00:00-04:00
            winter                          | America/New_York | default           | 2024-12-01T00:00-05:00 | 2025-03-01T00:00-05:00
            spring                          | America/New_York | default           | 2025-03-01T00:00-05:00 | 2025-06-01T00:00-04:00
            # London
            autumn                          | Europe/London    | default           | 2025-09-01T00:00+01:00 | as_of
            spring                          | Europe/London    | default           | 2025-03-01T00:00Z      | 2025-06-01T00:00+01:00
            winter                          | Europe/London    | default           | 2024-12-01T00:00Z      | 2025-03-01T00:00Z
            last summer                     | Europe/London    | default           | 2025-06-01T00:00+01:00 | 2025-09-01T00:00+01:00
            over the summer                 | Europe/London    | default           | 2025-06-01T00:00+01:00 | 2025-09-01T00:00+01:00
            """)
    void readsSeasons(String when, ZoneId zone, String asOf, String from, String to) {
        ParserCases.assertReads(monthFirst, when, zone, asOf, from, to);
    }

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                          | zone             | as_of                  | from                   | to
            christmas                       | UTC              | default                | 2024-12-25T00:00Z      | 2024-12-26T00:00Z
            on christmas eve                | UTC              | default                | 2024-12-24T00:00Z      | 2024-12-25T00:00Z
            boxing day                      | UTC              | default                | 2024-12-26T00:00Z      | 2024-12-27T00:00Z
            New Year's Eve                  | UTC              | default                | 2024-12-31T00:00Z      | 2025-01-01T00:00Z
            new years day                   | UTC              | default                | 2025-01-01T00:00Z      | 2025-01-02T00:00Z
            halloween                       | UTC              | default                | 2025-10-31T00:00Z      | 2025-11-01T00:00Z
            Valentine's Day                 | UTC              | default                | 2025-02-14T00:00Z      | 2025-02-15T00:00Z
            St. Patrick's Day               | UTC              | default                | 2025-03-17T00:00Z      | 2025-03-18T00:00Z
            easter                          | UTC              | default                | 2025-04-20T00:00Z      | 2025-04-21T00:00Z
            good friday                     | UTC              | default                | 2025-04-18T00:00Z      | 2025-04-19T00:00Z
            easter monday                   | UTC              | default                | 2025-04-21T00:00Z      | 2025-04-22T00:00Z
            # this year's fourth Thursday of November (the 27th) is still to come
            thanksgiving                    | UTC              | default                | 2024-11-28T00:00Z      | 2024-11-29T00:00Z
            independence day                | UTC              | default                | 2025-07-04T00:00Z      | 2025-07-05T00:00Z
            the fourth of july              | UTC              | default                | 2025-07-04T00:00Z      | 2025-07-05T00:00Z
            july 4th                        | UTC              | default                | 2025-07-04T00:00Z      | 2025-07-05T00:00Z
            labor day                       | UTC              | default                | 2025-09-01T00:00Z      | 2025-09-02T00:00Z
            memorial day                    | UTC              | default                | 2025-05-26T00:00Z      | 2025-05-27T00:00Z
            # the day itself counts
            halloween                       | UTC              | 2025-10-31T12:00Z      | 2025-10-31T00:00Z      | as_of
            last halloween                  | UTC              | 2025-10-31T12:00Z      | 2024-10-31T00:00Z      | 2024-11-01T00:00Z
            easter                          | UTC              | 2024-04-15T12:00Z      | 2024-03-31T00:00Z      | 2024-04-01T00:00Z
            thanksgiving                    | UTC              | 2025-12-01T12:00Z      | 2025-11-27T00:00Z      | 2025-11-28T00:00Z
            # New York: Guy Fawkes night is today
            bonfire night                   | America/New_York | default                | 2025-11-05T00:00-05:00 | as_of
            halloween                       | America/New_York | default                | 2025-10-31T00:00-04:00 | 2025-11-01T00:00-04:00
            christmas                       | America/New_York | default                | 2024-12-25T00:00-05:00 | 2024-12-26T00:00-05:00
            easter                          | America/New_York | default                | 2025-04-20T00:00-04:00 | 2025-04-21T00:00-04:00
            thanksgiving                    | America/New_York | 2025-12-01T12:00-05:00 | 2025-11-27T00:00-05:00 | 2025-11-28T00:00-05:00
            # London
            halloween                       | Europe/London    | default                | 2025-10-31T00:00Z      | 2025-11-01T00:00Z
            easter                          | Europe/London    | default                | 2025-04-20T00:00+01:00 | 2025-04-21T00:00+01:00
            st patricks day                 | Europe/London    | default                | 2025-03-17T00:00Z      | 2025-03-18T00:00Z
            boxing day                      | Europe/London    | default                | 2024-12-26T00:00Z      | 2024-12-27T00:00Z
            good friday                     | Europe/London    | default                | 2025-04-18T00:00+01:00 | 2025-04-19T00:00+01:00
            """)
    void readsHolidays(String when, ZoneId zone, String asOf, String from, String to) {
        ParserCases.assertReads(monthFirst, when, zone, asOf, from, to);
    }

    @ParameterizedTest(name = "Easter {0} is on {1}")
    @CsvSource({
        "2000, 2000-04-23",
        "2008, 2008-03-23",
        "2011, 2011-04-24",
        "2019, 2019-04-21",
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2026, 2026-04-05",
        "2038, 2038-04-25",
        "2285, 2285-03-22"
    })
    void computesWesternEaster(int year, LocalDate easter) {
        assertThat(Holidays.easterSunday(year)).isEqualTo(easter);
    }
}
