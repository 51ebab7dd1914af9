package dev.enrichment.recap;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Named months and dates: october, in oct, last october, october 2025, on the 10th, march 3 / 3 march / the 3rd of
 * march, numeric dates (3/4, 03/04/2025) read in the configured {@link DateOrder}, ISO dates and ISO ranges, and
 * years. Without a year, a month or date is the most recent one that has begun (the current month counts, a date
 * counts on its own day); "last october" is the most recent October that is over.
 */
final class CalendarDateForms {

    private static final String AFTER_RANGE_WORD = "(?<=since |from |between |and |to |until |till |through )";

    private final DateOrder dateOrder;

    CalendarDateForms(DateOrder dateOrder) {
        this.dateOrder = dateOrder;
    }

    List<Form> forms() {
        return List.of(
                // "may" and the abbreviations are a month only after a word that asks for one ("may I ask",
                // "jan said"); the range words stay outside the match, for the range rules to read.
                Form.of(
                        "(?:in |during )?(?<month>" + DateWords.MONTH_NAME + ")|(?:(?:in|during) |" + AFTER_RANGE_WORD
                                + ")(?<short>" + DateWords.MONTH + ")",
                        (m, r) -> Span.month(
                                r,
                                mostRecent(
                                        YearMonth.from(r.latest()),
                                        m.group("month") != null ? m.group("month") : m.group("short")))),
                Form.of(
                        "(?:last|previous) (?<month>" + DateWords.MONTH + ")",
                        (m, r) -> Span.month(
                                r, mostRecent(YearMonth.from(r.latest()).minusMonths(1), m.group("month")))),
                Form.of(
                        "(?:in |during )?(?<month>" + DateWords.MONTH + ") (?<year>" + DateWords.YEAR + ")",
                        (m, r) -> Span.month(
                                r, YearMonth.of(Integer.parseInt(m.group("year")), DateWords.month(m.group("month"))))),
                Form.of(
                        "(?:(?:in|during) )?(?<year>" + DateWords.YEAR + ")",
                        (m, r) -> Span.year(r, Integer.parseInt(m.group("year")))),
                Form.of(
                        "(?:on )?the (?<day>" + DateWords.ORDINAL_DAY + ")",
                        (m, r) -> Span.day(
                                r, dayOfMonth(Integer.parseInt(m.group("day").replaceAll("\\D", "")), r.latest()))),
                Form.of(
                        "(?:on )?(?<date>" + DateWords.DATE + ")",
                        (m, r) -> Span.day(r, DateWords.date(m.group("date"), r.latest()))),
                Form.of(
                        "(?:on )?(?<date>" + DateWords.NUMERIC_DATE + ")",
                        (m, r) -> Span.day(r, DateWords.numericDate(m.group("date"), dateOrder, r.latest()))),
                Form.of(
                        "(?<first>" + DateWords.ISO_DATE + ") ?\\.\\. ?(?<last>" + DateWords.ISO_DATE + ")",
                        (m, r) -> Span.days(
                                r,
                                LocalDate.parse(m.group("first")),
                                LocalDate.parse(m.group("last")).plusDays(1))));
    }

    private static YearMonth mostRecent(YearMonth latest, String monthWord) {
        YearMonth candidate = latest.withMonth(DateWords.month(monthWord).getValue());
        return candidate.isAfter(latest) ? candidate.minusYears(1) : candidate;
    }

    /** "the 10th": this month's if it is not after {@code latest}, else the most recent month that has a 10th. */
    private static LocalDate dayOfMonth(int day, LocalDate latest) {
        if (day < 1 || day > 31) {
            throw new DateTimeException("no month has a day " + day);
        }
        YearMonth month = YearMonth.from(latest);
        while (!month.isValidDay(day) || month.atDay(day).isAfter(latest)) {
            month = month.minusMonths(1);
        }
        return month.atDay(day);
    }
}
