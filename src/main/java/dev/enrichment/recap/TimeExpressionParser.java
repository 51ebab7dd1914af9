package dev.enrichment.recap;

import static java.time.temporal.TemporalAdjusters.previous;
import static java.time.temporal.TemporalAdjusters.previousOrSame;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an English time expression in a text ("hey, what did we talk about last week?") and resolves it to a
 * half-open instant range in a time zone, relative to a reference instant {@code asOf}.
 *
 * <p>Every form names whole calendar days of the zone; the range runs from the first instant of its first day
 * ({@link LocalDate#atStartOfDay(ZoneId)}, so a DST day is 23 or 25 hours and a day whose midnight does not exist
 * starts at its first valid instant) to the start of the day after its last day, cut off at {@code asOf}. So
 * ranges that contain "now" end at {@code asOf} and closed past periods end at their natural end. With today being
 * the date of {@code asOf} in the zone:
 * <ul>
 * <li>today, earlier today: today. yesterday, the day before yesterday: that day.
 * <li>this week / month / year: the current calendar period; last week / month / year: the previous one. Weeks
 * start on the configured day.
 * <li>last|past N days|weeks|months: from the same date N units before today up to {@code asOf}, so "last 3 days"
 * on a Wednesday starts on Sunday at 00:00 and holds all of "3 days ago". past week, past month: N = 1; recently:
 * the last 7 days.
 * <li>N days ago: that day; N weeks ago: that calendar week; N months ago: that calendar month.
 * <li>this weekend: the most recent Saturday and Sunday that have begun (the current one on a weekend); last
 * weekend: the one before that on a weekend, the same one on a weekday.
 * <li>[on|last] &lt;weekday&gt;: the most recent such day strictly before today ("monday" on a Monday is a week
 * ago).
 * <li>in &lt;month&gt;: the most recent such month that has begun (the current month counts); &lt;month&gt;
 * &lt;year&gt;: that month.
 * <li>&lt;date&gt; (2025-10-18, 18 october 2025, october 18 2025, oct 18): that day; without a year the most recent
 * such date. &lt;date&gt;..&lt;date&gt;, between &lt;date&gt; and &lt;date&gt;: both days included.
 * <li>since &lt;any form&gt;: from the start of that form's range up to {@code asOf}.
 * </ul>
 * In a sentence the longest expression wins, then the earliest; case and punctuation are ignored. An expression
 * that ends before it starts or starts at or after {@code asOf} is {@link UnresolvableExpressionException}; one
 * covering more than {@value #MAX_DAYS} whole days (the unfinished current day does not count, so "last 12 months"
 * always passes) is {@link RangeTooLongException}.
 */
public final class TimeExpressionParser {

    /** Most whole calendar days a range may cover. */
    public static final int MAX_DAYS = 366;

    private static final List<String> SUPPORTED_FORMS = List.of(
            "today, earlier today",
            "yesterday, the day before yesterday",
            "this week, last week, past week",
            "this month, last month, this year, last year",
            "last|past N days|weeks|months (N in digits or one to twelve)",
            "N days|weeks|months ago",
            "this weekend, last weekend",
            "on|last <weekday>",
            "in <month> [<year>], <month> <year>",
            "since <weekday|month|date> (or since any other form)",
            "between <date> and <date>, from <date> to <date>",
            "<date>: 2025-10-18, 18 October 2025, October 18 2025, Oct 18",
            "<date>..<date> (ISO dates, end date included)",
            "recently (the last 7 days)");

    private static final Pattern NOT_PART_OF_AN_EXPRESSION = Pattern.compile("[^a-z0-9.\\-]+");
    private static final String SINCE = "since ";

    private final DayOfWeek firstDayOfWeek;
    private final List<Form> forms;

    public TimeExpressionParser(DayOfWeek firstDayOfWeek) {
        this.firstDayOfWeek = Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
        this.forms = List.of(
                form("(?:earlier )?today", (m, today) -> Days.of(today)),
                form("yesterday", (m, today) -> Days.of(today.minusDays(1))),
                form("(?:the )?day before yesterday", (m, today) -> Days.of(today.minusDays(2))),
                form("this week", (m, today) -> week(weekStart(today))),
                form("last week", (m, today) -> week(weekStart(today).minusWeeks(1))),
                form("this month", (m, today) -> month(YearMonth.from(today))),
                form("last month", (m, today) -> month(YearMonth.from(today).minusMonths(1))),
                form("this year", (m, today) -> year(today.getYear())),
                form("last year", (m, today) -> year(today.getYear() - 1)),
                form("(?:last|past) (?<count>" + DateWords.NUMBER + ") (?<unit>" + DateWords.UNIT + ")s?",
                        (m, today) -> upTo(today, today.minus(count(m), unit(m)))),
                form("past (?<unit>" + DateWords.UNIT + ")", (m, today) -> upTo(today, today.minus(1, unit(m)))),
                form("recently|lately", (m, today) -> upTo(today, today.minusDays(7))),
                form("(?<count>" + DateWords.NUMBER + ") (?<unit>" + DateWords.UNIT + ")s? ago",
                        (m, today) -> ago(today, count(m), unit(m))),
                form("(?:this|the) weekend", (m, today) -> weekend(mostRecentSaturday(today))),
                form("last weekend", (m, today) -> weekend(isWeekend(today)
                        ? mostRecentSaturday(today).minusWeeks(1) : mostRecentSaturday(today))),
                form("(?:(?:on|last) )?(?<weekday>" + DateWords.WEEKDAY + ")",
                        (m, today) -> Days.of(today.with(previous(DateWords.weekday(m.group("weekday")))))),
                // A bare month is too ambiguous ("may") unless "in" or "since" precedes it.
                form("(?:in |(?<=since ))(?<month>" + DateWords.MONTH + ")",
                        (m, today) -> month(mostRecent(YearMonth.from(today), m.group("month")))),
                form("(?:in )?(?<month>" + DateWords.MONTH + ") (?<year>" + DateWords.YEAR + ")",
                        (m, today) -> month(YearMonth.of(Integer.parseInt(m.group("year")),
                                DateWords.month(m.group("month"))))),
                form("(?<date>" + DateWords.DATE + ")",
                        (m, today) -> Days.of(DateWords.date(m.group("date"), today))),
                form("(?<first>" + DateWords.ISO_DATE + ") ?\\.\\. ?(?<last>" + DateWords.ISO_DATE + ")",
                        TimeExpressionParser::firstToLast),
                form("(?:between|from) (?<first>" + DateWords.DATE + ") (?:and|to|until) (?<last>"
                        + DateWords.DATE + ")", TimeExpressionParser::firstToLast));
    }

    /** Human-readable list of the supported forms, for error messages. */
    public static List<String> supportedForms() {
        return SUPPORTED_FORMS;
    }

    /**
     * Finds and resolves the time expression in {@code text} (alone or inside a sentence), in {@code zone},
     * relative to {@code asOf}.
     *
     * @throws UnresolvableExpressionException if there is none, or it does not resolve to a range in the past
     * @throws RangeTooLongException if it covers more than {@value #MAX_DAYS} whole days
     */
    public ResolvedRange resolve(String text, ZoneId zone, Instant asOf) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(asOf, "asOf");
        String normalised = normalise(text);
        Found found = find(normalised);
        LocalDate today = LocalDate.ofInstant(asOf, zone);
        Days days;
        try {
            days = found.form().resolver().resolve(found.rematch(normalised), today);
        } catch (DateTimeException e) {
            throw new UnresolvableExpressionException(
                    "\"" + found.expression() + "\" names a date that does not exist");
        }
        if (found.since()) {
            days = upTo(today, days.first());
        }
        return toRange(days, found.expression(), zone, asOf, today);
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return NOT_PART_OF_AN_EXPRESSION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private Found find(String text) {
        Found best = null;
        for (Form form : forms) {
            Matcher matcher = form.pattern().matcher(text);
            while (matcher.find()) {
                boolean since = precededBySince(text, matcher.start());
                int start = since ? matcher.start() - SINCE.length() : matcher.start();
                Found candidate = new Found(form, matcher.start(), since, text.substring(start, matcher.end()), start);
                if (best == null || candidate.isBetterThan(best)) {
                    best = candidate;
                }
            }
        }
        if (best == null) {
            throw new UnresolvableExpressionException("found no time expression");
        }
        return best;
    }

    private static boolean precededBySince(String text, int start) {
        int sinceStart = start - SINCE.length();
        return sinceStart >= 0 && text.startsWith(SINCE, sinceStart)
                && (sinceStart == 0 || text.charAt(sinceStart - 1) == ' ');
    }

    private static ResolvedRange toRange(Days days, String expression, ZoneId zone, Instant asOf, LocalDate today) {
        if (!days.first().isBefore(days.end())) {
            throw new UnresolvableExpressionException("\"" + expression + "\" ends before it starts");
        }
        Instant from = days.first().atStartOfDay(zone).toInstant();
        if (!from.isBefore(asOf)) {
            throw new UnresolvableExpressionException("\"" + expression + "\" starts at or after as_of " + asOf
                    + "; only the past can be recapped");
        }
        Instant end = days.end().atStartOfDay(zone).toInstant();
        // Whole days only: the part of today before asOf must not push "last 12 months" over the limit.
        long wholeDays = ChronoUnit.DAYS.between(days.first(), days.end().isAfter(today) ? today : days.end());
        if (wholeDays > MAX_DAYS) {
            throw new RangeTooLongException(expression, wholeDays);
        }
        return new ResolvedRange(from, end.isAfter(asOf) ? asOf : end, zone, expression);
    }

    private LocalDate weekStart(LocalDate day) {
        return day.with(previousOrSame(firstDayOfWeek));
    }

    private Days ago(LocalDate today, int count, ChronoUnit unit) {
        return switch (unit) {
            case DAYS -> Days.of(today.minusDays(count));
            case WEEKS -> week(weekStart(today).minusWeeks(count));
            default -> month(YearMonth.from(today).minusMonths(count));
        };
    }

    private static LocalDate mostRecentSaturday(LocalDate today) {
        return today.with(previousOrSame(DayOfWeek.SATURDAY));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static YearMonth mostRecent(YearMonth current, String monthWord) {
        YearMonth candidate = current.withMonth(DateWords.month(monthWord).getValue());
        return candidate.isAfter(current) ? candidate.minusYears(1) : candidate;
    }

    private static Days firstToLast(Matcher m, LocalDate today) {
        LocalDate last = DateWords.date(m.group("last"), today);
        return new Days(DateWords.date(m.group("first"), today), last.plusDays(1));
    }

    private static Days upTo(LocalDate today, LocalDate first) {
        return new Days(first, today.plusDays(1));
    }

    private static Days week(LocalDate first) {
        return new Days(first, first.plusWeeks(1));
    }

    private static Days weekend(LocalDate saturday) {
        return new Days(saturday, saturday.plusDays(2));
    }

    private static Days month(YearMonth month) {
        return new Days(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    private static Days year(int year) {
        return new Days(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    private static int count(Matcher m) {
        return DateWords.number(m.group("count"));
    }

    private static ChronoUnit unit(Matcher m) {
        return DateWords.unit(m.group("unit"));
    }

    private static Form form(String regex, Resolver resolver) {
        return new Form(Pattern.compile("\\b(?:" + regex + ")\\b"), resolver);
    }

    /** Calendar days {@code [first, end)}. */
    private record Days(LocalDate first, LocalDate end) {

        static Days of(LocalDate day) {
            return new Days(day, day.plusDays(1));
        }
    }

    @FunctionalInterface
    private interface Resolver {
        Days resolve(Matcher match, LocalDate today);
    }

    private record Form(Pattern pattern, Resolver resolver) {
    }

    private record Found(Form form, int matchStart, boolean since, String expression, int start) {

        /** The winning match again, for its named groups (Java 17's {@code MatchResult} has none). */
        Matcher rematch(String text) {
            Matcher matcher = form.pattern().matcher(text);
            matcher.find(matchStart);
            return matcher;
        }

        boolean isBetterThan(Found other) {
            return expression.length() > other.expression.length()
                    || (expression.length() == other.expression.length() && start < other.start);
        }
    }
}
