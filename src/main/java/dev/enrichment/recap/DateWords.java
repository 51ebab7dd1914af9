package dev.enrichment.recap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** English calendar vocabulary of the time-expression parser: regex fragments and their values. */
final class DateWords {

    static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    static final String MONTH = "january|february|march|april|may|june|july|august|september|october|november"
            + "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    static final String YEAR = "\\d{4}";
    static final String UNIT = "day|week|month";
    static final String ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve");
    static final String NUMBER = "\\d{1,6}|an|a|" + String.join("|", NUMBER_WORDS);

    private static final String DAY_OF_MONTH = "\\d{1,2}(?:st|nd|rd|th)?";
    /** 2025-10-18, 18 october [2025], october 18 [2025] (commas are gone after normalising). */
    static final String DATE = ISO_DATE
            + "|" + DAY_OF_MONTH + " (?:" + MONTH + ")(?: " + YEAR + ")?"
            + "|(?:" + MONTH + ") " + DAY_OF_MONTH + "(?: " + YEAR + ")?";

    private static final Pattern ISO = Pattern.compile(ISO_DATE);

    private DateWords() {
    }

    static int number(String word) {
        if (word.equals("a") || word.equals("an")) {
            return 1;
        }
        int index = NUMBER_WORDS.indexOf(word);
        return index >= 0 ? index : Integer.parseInt(word);
    }

    static ChronoUnit unit(String word) {
        return ChronoUnit.valueOf(word.toUpperCase(Locale.ROOT) + "S");
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
     * Reads a {@link #DATE}. Without a year it is the most recent such date on or before {@code today} (so
     * "feb 29" finds the last leap year). Throws {@link java.time.DateTimeException} for dates that do not exist.
     */
    static LocalDate date(String text, LocalDate today) {
        if (ISO.matcher(text).matches()) {
            return LocalDate.parse(text);
        }
        Integer year = null;
        Month month = null;
        int day = 0;
        for (String token : text.split(" ")) {
            if (token.matches(YEAR)) {
                year = Integer.parseInt(token);
            } else if (Character.isDigit(token.charAt(0))) {
                day = Integer.parseInt(token.replaceAll("\\D", ""));
            } else {
                month = month(token);
            }
        }
        if (year != null) {
            return LocalDate.of(year, month, day);
        }
        MonthDay monthDay = MonthDay.of(month, day);
        int candidate = today.getYear();
        while (!monthDay.isValidYear(candidate) || monthDay.atYear(candidate).isAfter(today)) {
            candidate--;
        }
        return monthDay.atYear(candidate);
    }
}
