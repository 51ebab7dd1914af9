package dev.enrichment.recap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ranges read as a whole: "between X and Y", "from X to Y", "X through Y", "X to Y", "since X", and expressions
 * whose ranges touch. The end of a range may be today; its start looks back from the end.
 */
class TimeExpressionParserRangeTest {

    private final TimeExpressionParser parser = new TimeExpressionParser(DayOfWeek.MONDAY);

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                                               | zone             | as_of                  | from                   | to
            # said on a Wednesday: Monday 00:00 to the end of Wednesday (so as_of); it used to be Wednesday alone
            between monday and wednesday                         | UTC              | default                | 2025-11-03T00:00Z      | as_of
            what did we talk about between monday and wednesday? | UTC              | default                | 2025-11-03T00:00Z      | as_of
            monday through wednesday                             | UTC              | default                | 2025-11-03T00:00Z      | as_of
            from friday to monday                                | UTC              | default                | 2025-10-31T00:00Z      | 2025-11-04T00:00Z
            # Friday has not come yet this week: the most recent Monday to Friday
            from monday to friday                                | UTC              | default                | 2025-10-27T00:00Z      | 2025-11-01T00:00Z
            october 1 to october 10                              | UTC              | default                | 2025-10-01T00:00Z      | 2025-10-11T00:00Z
            from the 1st until the 10th                          | UTC              | default                | 2025-10-01T00:00Z      | 2025-10-11T00:00Z
            from 3/1 to 3/15                                     | UTC              | default                | 2025-03-01T00:00Z      | 2025-03-16T00:00Z
            from september to october                            | UTC              | default                | 2025-09-01T00:00Z      | 2025-11-01T00:00Z
            from december to february                            | UTC              | default                | 2024-12-01T00:00Z      | 2025-03-01T00:00Z
            between christmas and new year's day                 | UTC              | default                | 2024-12-25T00:00Z      | 2025-01-02T00:00Z
            since tuesday                                        | UTC              | default                | 2025-11-04T00:00Z      | as_of
            since last night                                     | UTC              | default                | 2025-11-04T17:00Z      | as_of
            ever since halloween                                 | UTC              | default                | 2025-10-31T00:00Z      | as_of
            between yesterday and now                            | UTC              | default                | 2025-11-04T00:00Z      | as_of
            monday - tuesday                                     | UTC              | default                | 2025-11-03T00:00Z      | 2025-11-05T00:00Z
            # expressions whose ranges touch or overlap make one range
            last week and this week                              | UTC              | default                | 2025-10-27T00:00Z      | as_of
            on monday and tuesday                                | UTC              | default                | 2025-11-03T00:00Z      | 2025-11-05T00:00Z
            yesterday or today                                   | UTC              | default                | 2025-11-04T00:00Z      | as_of
            # New York: the weekend of the change
            between saturday and monday                          | America/New_York | default                | 2025-11-01T00:00-04:00 | 2025-11-04T00:00-05:00
            since saturday                                       | America/New_York | default                | 2025-11-01T00:00-04:00 | as_of
            from friday to sunday                                | America/New_York | default                | 2025-10-31T00:00-04:00 | 2025-11-03T00:00-05:00
            between monday and wednesday                         | America/New_York | default                | 2025-11-03T00:00-05:00 | as_of
            2025-11-01 through 2025-11-02                        | America/New_York | default                | 2025-11-01T00:00-04:00 | 2025-11-03T00:00-05:00
            # London, on the Tuesday after its change
            between friday and monday                            | Europe/London    | 2025-10-28T12:00Z      | 2025-10-24T00:00+01:00 | 2025-10-28T00:00Z
            since saturday                                       | Europe/London    | 2025-10-28T12:00Z      | 2025-10-25T00:00+01:00 | as_of
            from saturday to sunday                              | Europe/London    | 2025-10-28T12:00Z      | 2025-10-25T00:00+01:00 | 2025-10-27T00:00Z
            between monday and tuesday                           | Europe/London    | 2025-10-28T12:00Z      | 2025-10-27T00:00Z      | as_of
            october 20 to october 26                             | Europe/London    | 2025-10-28T12:00Z      | 2025-10-20T00:00+01:00 | 2025-10-27T00:00Z
            """)
    void readsRangesAsAWhole(String when, ZoneId zone, String asOf, String from, String to) {
        ParserCases.assertReads(parser, when, zone, asOf, from, to);
    }

    @Test
    void reportsTheWholeRangeAsTheExpression() {
        ResolvedRange range = parser.resolve(
                "What did we talk about between Monday and Wednesday?", ZoneId.of("UTC"), ParserCases.AS_OF);

        assertThat(range.expression()).isEqualTo("between monday and wednesday");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            between monday and the blorp          | could not read "between monday"
            from march 3 to whenever              | could not read "march 3 to"
            since the 45th                        | "the 45th" names a date that does not exist
            last tuesday or the one before that   | could not read "the one before"
            between march 3 and next week         | "next week" is in the future
            yesterday or last week                | "yesterday or last week" names separate times
            monday and wednesday                  | "monday and wednesday" names separate times
            between 2025-10-07 and 2025-10-01     | "between 2025-10-07 and 2025-10-01" ends before it starts
            until friday                          | could not read "until friday"
            early last week                       | could not read "early last week"
            """)
    void refusesRangesItCannotReadWhole(String when, String reason) {
        TimeReading reading = parser.read(when, ZoneId.of("UTC"), ParserCases.AS_OF);

        assertThat(reading)
                .isInstanceOfSatisfying(
                        TimeReading.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason()).startsWith(reason));
    }
}
