package dev.enrichment.recap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** English calendar vocabulary of the time-expression parser: regex fragments and their values. */
final class DateWords {

    static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    /** Full names but "may", which is far more often the verb ("may I ask…"). */
    static final String MONTH_NAME =
            "january|february|march|april|june|july|august|september|october|november" + "|december";
    /** "may" before a pronoun or an auxiliary is the verb, even after a day number ("on the 10th may I ask"). */
    private static final String MAY = "may(?! (?:i|we|you|he|she|it|they|be|have|not|also)(?![a-z]))";

    static final String MONTH = MONTH_NAME + "|" + MAY + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    static final String YEAR = "(?:19|20)\\d{2}";
    static final String UNIT = "day|week|fortnight|month|year";
    static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";
    /** 3/4, 03/04/2025, 3/4/25: the order of day and month comes from the {@link DateOrder} setting. */
    static final String NUMERIC_DATE = "\\d{1,2}/\\d{1,2}(?:/(?:\\d{4}|\\d{2}))?";

    private static final List<String> NUMBER_WORDS = List.of(
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");
    static final String NUMBER = "\\d{1,6}|an|a|" + String.join("|", NUMBER_WORDS);

    static final String ORDINAL_DAY = "\\d{1,2}(?:st|nd|rd|th)";
    private static final String DAY_OF_MONTH = "\\d{1,2}(?:st|nd|rd|th)?";
    /**
     * 2025-10-18; 18 october [2025], 18th of october, the 18th of october; october 18 [2025], october 18th, october
     * the 18th (commas are gone after normalising).
     */
    static final String DATE = ISO_DATE
            + "|(?:the )?" + DAY_OF_MONTH + " (?:of )?(?:" + MONTH + ")(?: " + YEAR + ")?"
            + "|(?:" + MONTH + ") (?:the )?" + DAY_OF_MONTH + "(?: " + YEAR + ")?";

    private static final Pattern ISO = Pattern.compile(ISO_DATE);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?");

    private DateWords() {}

    static int number(String word) {
        if (word.equals("a") || word.equals("an")) {
            return 1;
        }
        int index = NUMBER_WORDS.indexOf(word);
        return index >= 0 ? index : Integer.parseInt(word);
    }

    /** A count of calendar units; a fortnight is two weeks. */
    record Amount(int count, ChronoUnit unit) {

        static Amount of(int count, String unitWord) {
            String unit = unitWord.endsWith("s") ? unitWord.substring(0, unitWord.length() - 1) : unitWord;
            if (unit.equals("fortnight")) {
                return new Amount(count * 2, ChronoUnit.WEEKS);
            }
            return new Amount(count, ChronoUnit.valueOf(unit.toUpperCase(Locale.ROOT) + "S"));
        }

        LocalDate before(LocalDate day) {
            return day.minus(count, unit);
        }
    }

    static DayOfWeek weekday(String word) {
        return DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** Full names and abbreviations: the first three letters of every English month name are unique. */
    static Month month(String word) {
        String prefix = word.substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + word);
    }

    /**
     * Reads a {@link #DATE}. Without a year it is the most recent such date on or before {@code latest} (so
     * "feb 29" finds the last leap year). Throws {@link java.time.DateTimeException} for dates that do not exist.
     */
    static LocalDate date(String text, LocalDate latest) {
        if (ISO.matcher(text).matches()) {
            return LocalDate.parse(text);
        }
        Integer year = null;
        Month month = null;
        int day = 0;
        for (String token : text.split(" ")) {
            if (token.equals("the") || token.equals("of")) {
                continue;
            }
            if (token.matches(YEAR)) {
                year = Integer.parseInt(token);
            } else if (Character.isDigit(token.charAt(0))) {
                day = Integer.parseInt(token.replaceAll("\\D", ""));
            } else {
                month = month(token);
            }
        }
        return year != null ? LocalDate.of(year, month, day) : mostRecent(MonthDay.of(month, day), latest);
    }

    /**
     * Reads a {@link #NUMERIC_DATE}. When one of the first two numbers is above 12 it can only be the day;
     * otherwise {@code order} decides. Two-digit years are 20xx.
     */
    static LocalDate numericDate(String text, DateOrder order, LocalDate latest) {
        Matcher m = NUMERIC.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a numeric date: " + text);
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        boolean dayFirst = first > 12 || (second <= 12 && order == DateOrder.DMY);
        int day = dayFirst ? first : second;
        int month = dayFirst ? second : first;
        if (m.group(3) == null) {
            return mostRecent(MonthDay.of(month, day), latest);
        }
        int year = Integer.parseInt(m.group(3));
        return LocalDate.of(year < 100 ? 2000 + year : year, month, day);
    }

    private static LocalDate mostRecent(MonthDay monthDay, LocalDate latest) {
        int candidate = latest.getYear();
        while (!monthDay.isValidYear(candidate) || monthDay.atYear(candidate).isAfter(latest)) {
            candidate--;
        }
        return monthDay.atYear(candidate);
    }
}
