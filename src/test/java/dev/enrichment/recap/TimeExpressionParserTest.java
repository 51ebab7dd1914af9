package dev.enrichment.recap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeExpressionParserTest {

    /** A Wednesday: 10:30 in New York, 16:30 in Berlin, and already Thursday in Tokyo (00:30) and Auckland (04:30). */
    private static final Instant AS_OF = Instant.parse("2025-11-05T15:30:00Z");

    private final TimeExpressionParser parser = new TimeExpressionParser(DayOfWeek.MONDAY);

    // "as_of" as the expected end: the range is cut off at as_of.
    @ParameterizedTest(name = "[{index}] {0} | {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # when                                  | zone             | from                   | to
            today                                   | UTC              | 2025-11-05T00:00Z      | as_of
            Earlier today                           | UTC              | 2025-11-05T00:00Z      | as_of
            TODAY                                   | UTC              | 2025-11-05T00:00Z      | as_of
            yesterday                               | UTC              | 2025-11-04T00:00Z      | 2025-11-05T00:00Z
            the day before yesterday                | UTC              | 2025-11-03T00:00Z      | 2025-11-04T00:00Z
            this week                               | UTC              | 2025-11-03T00:00Z      | as_of
            last week                               | UTC              | 2025-10-27T00:00Z      | 2025-11-03T00:00Z
            past week                               | UTC              | 2025-10-29T00:00Z      | as_of
            this month                              | UTC              | 2025-11-01T00:00Z      | as_of
            last month                              | UTC              | 2025-10-01T00:00Z      | 2025-11-01T00:00Z
            past month                              | UTC              | 2025-10-05T00:00Z      | as_of
            this year                               | UTC              | 2025-01-01T00:00Z      | as_of
            # 2024 is a leap year: 366 days are still allowed
            last year                               | UTC              | 2024-01-01T00:00Z      | 2025-01-01T00:00Z
            last 3 days                             | UTC              | 2025-11-02T00:00Z      | as_of
            past two weeks                          | UTC              | 2025-10-22T00:00Z      | as_of
            last 3 months                           | UTC              | 2025-08-05T00:00Z      | as_of
            last 12 months                          | UTC              | 2024-11-05T00:00Z      | as_of
            last 366 days                           | UTC              | 2024-11-04T00:00Z      | as_of
            2 days ago                              | UTC              | 2025-11-03T00:00Z      | 2025-11-04T00:00Z
            a week ago                              | UTC              | 2025-10-27T00:00Z      | 2025-11-03T00:00Z
            three weeks ago                         | UTC              | 2025-10-13T00:00Z      | 2025-10-20T00:00Z
            2 months ago                            | UTC              | 2025-09-01T00:00Z      | 2025-10-01T00:00Z
            recently                                | UTC              | 2025-10-29T00:00Z      | as_of
            this weekend                            | UTC              | 2025-11-01T00:00Z      | 2025-11-03T00:00Z
            last weekend                            | UTC              | 2025-11-01T00:00Z      | 2025-11-03T00:00Z
            on monday                               | UTC              | 2025-11-03T00:00Z      | 2025-11-04T00:00Z
            last Wednesday                          | UTC              | 2025-10-29T00:00Z      | 2025-10-30T00:00Z
            friday                                  | UTC              | 2025-10-31T00:00Z      | 2025-11-01T00:00Z
            in october                              | UTC              | 2025-10-01T00:00Z      | 2025-11-01T00:00Z
            in november                             | UTC              | 2025-11-01T00:00Z      | as_of
            in Dec                                  | UTC              | 2024-12-01T00:00Z      | 2025-01-01T00:00Z
            March 2025                              | UTC              | 2025-03-01T00:00Z      | 2025-04-01T00:00Z
            in February 2024                        | UTC              | 2024-02-01T00:00Z      | 2024-03-01T00:00Z
            feb 29                                  | UTC              | 2024-02-29T00:00Z      | 2024-03-01T00:00Z
            since monday                            | UTC              | 2025-11-03T00:00Z      | as_of
            since october                           | UTC              | 2025-10-01T00:00Z      | as_of
            since 2025-10-18                        | UTC              | 2025-10-18T00:00Z      | as_of
            since 18 October 2025                   | UTC              | 2025-10-18T00:00Z      | as_of
            since yesterday                         | UTC              | 2025-11-04T00:00Z      | as_of
            between 2025-10-01 and 2025-10-07       | UTC              | 2025-10-01T00:00Z      | 2025-10-08T00:00Z
            between October 1, 2025 and Oct 7       | UTC              | 2025-10-01T00:00Z      | 2025-10-08T00:00Z
            from 2025-10-30 to 2025-11-30           | UTC              | 2025-10-30T00:00Z      | as_of
            2025-10-18                              | UTC              | 2025-10-18T00:00Z      | 2025-10-19T00:00Z
            Oct 18th                                | UTC              | 2025-10-18T00:00Z      | 2025-10-19T00:00Z
            2025-10-01..2025-10-07                  | UTC              | 2025-10-01T00:00Z      | 2025-10-08T00:00Z
            # in sentences
            hey, what did we talk about LAST WEEK?  | UTC              | 2025-10-27T00:00Z      | 2025-11-03T00:00Z
            can you recap the last two weeks for me | UTC              | 2025-10-22T00:00Z      | as_of
            what happened the day before yesterday? | UTC              | 2025-11-03T00:00Z      | 2025-11-04T00:00Z
            remind me what we said on Monday.       | UTC              | 2025-11-03T00:00Z      | 2025-11-04T00:00Z
            anything since last weekend?            | UTC              | 2025-11-01T00:00Z      | as_of
            anything from 2025-10-01..2025-10-07?   | UTC              | 2025-10-01T00:00Z      | 2025-10-08T00:00Z
            # New York fell back on Sunday 2025-11-02: that day has 25 hours
            today                                   | America/New_York | 2025-11-05T00:00-05:00 | as_of
            this week                               | America/New_York | 2025-11-03T00:00-05:00 | as_of
            last week                               | America/New_York | 2025-10-27T00:00-04:00 | 2025-11-03T00:00-05:00
            last 3 days                             | America/New_York | 2025-11-02T00:00-04:00 | as_of
            last weekend                            | America/New_York | 2025-11-01T00:00-04:00 | 2025-11-03T00:00-05:00
            2025-11-02                              | America/New_York | 2025-11-02T00:00-04:00 | 2025-11-03T00:00-05:00
            # Berlin sprang forward on Sunday 2025-03-30: that day has 23 hours
            2025-03-30                              | Europe/Berlin    | 2025-03-30T00:00+01:00 | 2025-03-31T00:00+02:00
            today                                   | Europe/Berlin    | 2025-11-05T00:00+01:00 | as_of
            last 3 days                             | Europe/Berlin    | 2025-11-02T00:00+01:00 | as_of
            # Tokyo is already on Thursday
            today                                   | Asia/Tokyo       | 2025-11-06T00:00+09:00 | as_of
            yesterday                               | Asia/Tokyo       | 2025-11-05T00:00+09:00 | 2025-11-06T00:00+09:00
            last wednesday                          | Asia/Tokyo       | 2025-11-05T00:00+09:00 | 2025-11-06T00:00+09:00
            this week                               | Asia/Tokyo       | 2025-11-03T00:00+09:00 | as_of
            # Auckland is across the date line; its daylight time began on 2025-09-28 (23 hours)
            today                                   | Pacific/Auckland | 2025-11-06T00:00+13:00 | as_of
            yesterday                               | Pacific/Auckland | 2025-11-05T00:00+13:00 | 2025-11-06T00:00+13:00
            2025-09-28                              | Pacific/Auckland | 2025-09-28T00:00+12:00 | 2025-09-29T00:00+13:00
            # midnight does not exist on this day: it starts at 01:00
            2025-03-30                              | Asia/Beirut      | 2025-03-30T01:00+03:00 | 2025-03-31T00:00+03:00
            """)
    void resolvesExpressionsAtTheFixedAsOf(String when, ZoneId zone, String from, String to) {
        assertResolves(when, zone, AS_OF, from, to);
    }

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # when             | zone              | as_of                  | from                   | to
            # across 29 February: 366 whole days are still allowed
            last twelve months | UTC               | 2024-11-05T12:00Z      | 2023-11-05T00:00Z      | as_of
            # on a Sunday
            this weekend       | UTC               | 2025-11-09T12:00Z      | 2025-11-08T00:00Z      | as_of
            last weekend       | UTC               | 2025-11-09T12:00Z      | 2025-11-01T00:00Z      | 2025-11-03T00:00Z
            # New York fell back on Sunday 2025-11-02: that day has 25 hours
            yesterday          | America/New_York  | 2025-11-03T12:00-05:00 | 2025-11-02T00:00-04:00 | 2025-11-03T00:00-05:00
            # Berlin sprang forward on Sunday 2025-03-30: that day has 23 hours
            yesterday          | Europe/Berlin     | 2025-03-31T12:00+02:00 | 2025-03-30T00:00+01:00 | 2025-03-31T00:00+02:00
            last week          | Europe/Berlin     | 2025-04-02T12:00+02:00 | 2025-03-24T00:00+01:00 | 2025-03-31T00:00+02:00
            # 23:30 UTC on 31 October is already November in Berlin
            this month         | Europe/Berlin     | 2025-11-01T00:30+01:00 | 2025-11-01T00:00+01:00 | as_of
            last month         | Europe/Berlin     | 2025-11-01T00:30+01:00 | 2025-10-01T00:00+02:00 | 2025-11-01T00:00+01:00
            this month         | UTC               | 2025-10-31T23:30Z      | 2025-10-01T00:00Z      | as_of
            # Friday 20:00 UTC is already Saturday in Auckland
            this weekend       | Pacific/Auckland  | 2025-11-08T09:00+13:00 | 2025-11-08T00:00+13:00 | as_of
            this weekend       | UTC               | 2025-11-07T20:00Z      | 2025-11-01T00:00Z      | 2025-11-03T00:00Z
            # New Year comes first in Auckland
            this year          | Pacific/Auckland  | 2026-01-01T00:30+13:00 | 2026-01-01T00:00+13:00 | as_of
            last year          | Pacific/Auckland  | 2026-01-01T00:30+13:00 | 2025-01-01T00:00+13:00 | 2026-01-01T00:00+13:00
            # year boundaries
            last month         | UTC               | 2026-01-15T12:00Z      | 2025-12-01T00:00Z      | 2026-01-01T00:00Z
            in december        | UTC               | 2026-01-15T12:00Z      | 2025-12-01T00:00Z      | 2026-01-01T00:00Z
            last week          | UTC               | 2026-01-02T12:00Z      | 2025-12-22T00:00Z      | 2025-12-29T00:00Z
            this week          | UTC               | 2026-01-02T12:00Z      | 2025-12-29T00:00Z      | as_of
            # midnight did not exist on this day: it starts at 01:00
            2018-11-04         | America/Sao_Paulo | 2018-11-10T10:00-02:00 | 2018-11-04T01:00-02:00 | 2018-11-05T00:00-02:00
            """)
    void resolvesExpressionsAroundCalendarAndZoneBoundaries(
            String when, ZoneId zone, String asOf, String from, String to) {
        assertResolves(when, zone, OffsetDateTime.parse(asOf).toInstant(), from, to);
    }

    private void assertResolves(String when, ZoneId zone, Instant asOf, String from, String to) {
        ResolvedRange range = parser.resolve(when, zone, asOf);

        assertThat(range.from()).as("from").isEqualTo(OffsetDateTime.parse(from).toInstant());
        assertThat(range.to())
                .as("to")
                .isEqualTo(to.equals("as_of") ? asOf : OffsetDateTime.parse(to).toInstant());
        assertThat(range.zone()).isEqualTo(zone);
    }

    @Test
    void resolvesYesterdayAfterFallBackTo25Hours() {
        ResolvedRange range =
                parser.resolve("yesterday", ZoneId.of("America/New_York"), Instant.parse("2025-11-03T17:00:00Z"));

        assertThat(Duration.between(range.from(), range.to())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void resolvesTheSpringForwardDayTo23Hours() {
        ResolvedRange range = parser.resolve("2025-03-30", ZoneId.of("Europe/Berlin"), AS_OF);

        assertThat(Duration.between(range.from(), range.to())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void reportsTheMatchedExpressionNormalised() {
        assertThat(parser.resolve("Hey, what did we talk about LAST WEEK?", ZoneOffset.UTC, AS_OF)
                        .expression())
                .isEqualTo("last week");
        assertThat(parser.resolve("Since October 18, 2025!", ZoneOffset.UTC, AS_OF)
                        .expression())
                .isEqualTo("since october 18 2025");
    }

    @Test
    void prefersTheLongestExpression() {
        assertThat(parser.resolve("last weekend", ZoneOffset.UTC, AS_OF).expression())
                .isEqualTo("last weekend");
        assertThat(parser.resolve("in october 2024", ZoneOffset.UTC, AS_OF).expression())
                .isEqualTo("in october 2024");
    }

    // Was "prefersTheEarlierOfTwoEquallyLongExpressions" (answered "yesterday"): picking one of two separate
    // times answers with less than was asked, which the whole-or-nothing rule forbids.
    @Test
    void refusesSeparateTimesRatherThanPickingOne() {
        assertThatThrownBy(() -> parser.resolve("yesterday or last week", ZoneOffset.UTC, AS_OF))
                .isInstanceOfSatisfying(
                        UnresolvableExpressionException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(
                                        "\"yesterday or last week\" names separate times (\"yesterday\", \"last week\");"
                                                + " ask for one range"));
    }

    @Test
    void startsWeeksOnTheConfiguredDay() {
        TimeExpressionParser sundayFirst = new TimeExpressionParser(DayOfWeek.SUNDAY);

        ResolvedRange thisWeek = sundayFirst.resolve("this week", ZoneOffset.UTC, AS_OF);
        ResolvedRange lastWeek = sundayFirst.resolve("last week", ZoneOffset.UTC, AS_OF);

        assertThat(thisWeek.from()).isEqualTo(Instant.parse("2025-11-02T00:00:00Z"));
        assertThat(lastWeek.from()).isEqualTo(Instant.parse("2025-10-26T00:00:00Z"));
        assertThat(lastWeek.to()).isEqualTo(Instant.parse("2025-11-02T00:00:00Z"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"what did we talk about?", "hello there", "may I ask something", "last", "in the past"})
    void refusesTextWithoutATimeExpression(String when) {
        assertThatThrownBy(() -> parser.resolve(when, ZoneOffset.UTC, AS_OF))
                .isInstanceOfSatisfying(UnresolvableExpressionException.class, e -> {
                    assertThat(e.reason()).isEqualTo("found no time expression");
                    assertThat(e.supportedForms())
                            .isEqualTo(TimeExpressionParser.supportedForms())
                            .contains("today, earlier today");
                    assertThat(e.getMessage()).contains("Supported forms:", "last week", "recently");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            last 367 days          | 367
            last 400 days          | 400
            since 2020-01-01       | 2135
            2024-01-01..2025-01-01 | 367
            """)
    void refusesRangesLongerThan366Days(String when, long days) {
        assertThatThrownBy(() -> parser.resolve(when, ZoneOffset.UTC, AS_OF))
                .isInstanceOfSatisfying(
                        RangeTooLongException.class, e -> assertThat(e.days()).isEqualTo(days))
                .hasMessage("\"" + when + "\" covers " + days + " days; at most 366 days can be recapped");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2025-10-07..2025-10-01            | ends before it starts
            between 2025-10-07 and 2025-10-01 | ends before it starts
            2025-12-24                        | starts at or after as_of 2025-11-05T15:30:00Z
            november 2026                     | starts at or after as_of 2025-11-05T15:30:00Z
            between 2025-12-01 and 2025-12-31 | starts at or after as_of 2025-11-05T15:30:00Z
            2025-02-30                        | names a date that does not exist
            february 30                       | names a date that does not exist
            """)
    void refusesExpressionsThatNameNoPastRange(String when, String reason) {
        assertThatThrownBy(() -> parser.resolve(when, ZoneOffset.UTC, AS_OF))
                .isInstanceOfSatisfying(
                        UnresolvableExpressionException.class,
                        e -> assertThat(e.reason()).startsWith("\"" + when + "\" " + reason))
                .hasMessageContaining("Supported forms:");
    }

    @Test
    void refusesTodayAtTheVeryFirstInstantOfTheDay() {
        Instant midnight = Instant.parse("2025-11-05T00:00:00Z");

        assertThatThrownBy(() -> parser.resolve("today", ZoneOffset.UTC, midnight))
                .isInstanceOf(UnresolvableExpressionException.class)
                .hasMessageStartingWith("\"today\" starts at or after as_of");
    }
}
