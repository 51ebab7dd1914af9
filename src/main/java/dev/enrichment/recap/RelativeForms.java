package dev.enrichment.recap;

import static java.time.temporal.TemporalAdjusters.previous;
import static java.time.temporal.TemporalAdjusters.previousOrSame;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Days, weeks, months and years counted from today: today, yesterday, this/last/previous week, the week before last,
 * last N days, N weeks ago, fortnights, weekends and weekdays. Weeks start on the configured day.
 */
final class RelativeForms {

    private static final String LAST = "(?:last|previous)";
    /** "so far this week", "earlier this month": the same period, which is cut at as_of anyway. */
    private static final String SO_FAR = "(?:(?:so far|earlier) )?";

    private final DayOfWeek firstDayOfWeek;

    RelativeForms(DayOfWeek firstDayOfWeek) {
        this.firstDayOfWeek = firstDayOfWeek;
    }

    List<Form> forms() {
        return List.of(
                Form.of("(?:earlier |so far )?today", (m, r) -> Span.day(r, r.today())),
                Form.of("yesterday", (m, r) -> Span.day(r, r.today().minusDays(1))),
                Form.of(
                        "(?:the )?day before yesterday",
                        (m, r) -> Span.day(r, r.today().minusDays(2))),
                Form.of(SO_FAR + "this week", (m, r) -> week(r, weekStart(r.today()))),
                Form.of(LAST + " week", (m, r) -> week(r, weekStart(r.today()).minusWeeks(1))),
                Form.of(
                        "(?:the )?week before last",
                        (m, r) -> week(r, weekStart(r.today()).minusWeeks(2))),
                Form.of(SO_FAR + "this month", (m, r) -> Span.month(r, YearMonth.from(r.today()))),
                Form.of(
                        LAST + " month",
                        (m, r) -> Span.month(r, YearMonth.from(r.today()).minusMonths(1))),
                Form.of(
                        "(?:the )?month before last",
                        (m, r) -> Span.month(r, YearMonth.from(r.today()).minusMonths(2))),
                Form.of(SO_FAR + "this year", (m, r) -> Span.year(r, r.today().getYear())),
                Form.of(LAST + " year", (m, r) -> Span.year(r, r.today().getYear() - 1)),
                Form.of(
                        "(?:the )?year before last",
                        (m, r) -> Span.year(r, r.today().getYear() - 2)),
                // "last N days" starts N days before today, so it holds all of "N days ago"
                Form.of(
                        "(?:(?:in|over|during) )?(?:the )?(?:last|past|previous) (?<count>" + DateWords.NUMBER
                                + ") (?<unit>" + DateWords.UNIT + ")s?",
                        (m, r) -> Span.upToToday(r, amount(m).before(r.today()))),
                Form.of(
                        "(?:(?:in|over|during) )?(?:the )?past (?<unit>" + DateWords.UNIT + ")",
                        (m, r) -> Span.upToToday(
                                r, DateWords.Amount.of(1, m.group("unit")).before(r.today()))),
                // "last week" is the calendar week; "last fortnight" has no calendar, so it is the past 14 days
                Form.of(
                        "(?:(?:in|over|during) )?(?:the )?last fortnight",
                        (m, r) -> Span.upToToday(r, r.today().minusWeeks(2))),
                Form.of("recently|lately", (m, r) -> Span.upToToday(r, r.today().minusDays(7))),
                Form.of(
                        "(?<count>" + DateWords.NUMBER + ") (?<unit>" + DateWords.UNIT + ")s? (?:ago|back)",
                        (m, r) -> ago(r, amount(m))),
                Form.of("(?:this|the) weekend", (m, r) -> weekend(r, mostRecentSaturday(r.today()))),
                Form.of(LAST + " weekend", (m, r) -> weekend(r, lastWeekend(r.today()))),
                Form.of(
                        "(?:the )?weekend before last",
                        (m, r) -> weekend(r, lastWeekend(r.today()).minusWeeks(1))),
                Form.of(
                        "(?:(?:on|last) )?(?<weekday>" + DateWords.WEEKDAY + ")",
                        (m, r) -> Span.day(r, weekday(m, r))));
    }

    /**
     * The most recent such weekday: before today when alone ("monday" on a Monday is a week ago), on or before
     * the reference's latest day in a range.
     */
    static LocalDate weekday(Matcher m, Reference r) {
        DayOfWeek day = DateWords.weekday(m.group("weekday"));
        return r.bounded() ? r.latest().with(previousOrSame(day)) : r.today().with(previous(day));
    }

    LocalDate weekStart(LocalDate day) {
        return day.with(previousOrSame(firstDayOfWeek));
    }

    /** N days ago is that day; N weeks (fortnights) ago that calendar week; N months or years ago that month, year. */
    Span ago(Reference r, DateWords.Amount amount) {
        return switch (amount.unit()) {
            case DAYS -> Span.day(r, r.today().minusDays(amount.count()));
            case WEEKS -> week(r, weekStart(r.today()).minusWeeks(amount.count()));
            case MONTHS -> Span.month(r, YearMonth.from(r.today()).minusMonths(amount.count()));
            default -> Span.year(r, r.today().getYear() - amount.count());
        };
    }

    static Span week(Reference r, LocalDate first) {
        return Span.days(r, first, first.plusWeeks(1));
    }

    private static Span weekend(Reference r, LocalDate saturday) {
        return Span.days(r, saturday, saturday.plusDays(2));
    }

    private static LocalDate mostRecentSaturday(LocalDate today) {
        return today.with(previousOrSame(DayOfWeek.SATURDAY));
    }

    /** On a weekend, "last weekend" is the one before this; on a weekday, the one that just ended. */
    private static LocalDate lastWeekend(LocalDate today) {
        boolean weekend = today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend ? mostRecentSaturday(today).minusWeeks(1) : mostRecentSaturday(today);
    }

    private static DateWords.Amount amount(Matcher m) {
        return DateWords.Amount.of(DateWords.number(m.group("count")), m.group("unit"));
    }
}
