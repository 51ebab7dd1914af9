package dev.enrichment.recap;

import static java.time.temporal.TemporalAdjusters.dayOfWeekInMonth;
import static java.time.temporal.TemporalAdjusters.lastInMonth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.function.IntFunction;

/** The common holidays of the English-speaking world, as their date in a given year. */
enum Holidays {
    NEW_YEARS_EVE("new years? eve", year -> LocalDate.of(year, Month.DECEMBER, 31)),
    NEW_YEARS_DAY("new years?(?: day)?", year -> LocalDate.of(year, Month.JANUARY, 1)),
    VALENTINES_DAY("(?:st |saint )?valentines?(?: day)?", year -> LocalDate.of(year, Month.FEBRUARY, 14)),
    ST_PATRICKS_DAY("(?:st |saint )patricks?(?: day)?|paddys? day", year -> LocalDate.of(year, Month.MARCH, 17)),
    GOOD_FRIDAY("good friday", year -> easterSunday(year).minusDays(2)),
    EASTER("easter(?: sunday| day)?", Holidays::easterSunday),
    EASTER_MONDAY("easter monday", year -> easterSunday(year).plusDays(1)),
    MEMORIAL_DAY("memorial day", year -> LocalDate.of(year, Month.MAY, 1).with(lastInMonth(DayOfWeek.MONDAY))),
    FATHERS_DAY("fathers? day", year -> nth(year, Month.JUNE, 3, DayOfWeek.SUNDAY)),
    CANADA_DAY("canada day", year -> LocalDate.of(year, Month.JULY, 1)),
    INDEPENDENCE_DAY(
            "independence day|(?:the )?fourth of july|(?:the )?4th of july", year -> LocalDate.of(year, Month.JULY, 4)),
    LABOR_DAY("labou?r day", year -> nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY)),
    HALLOWEEN("hallowe?en", year -> LocalDate.of(year, Month.OCTOBER, 31)),
    GUY_FAWKES_NIGHT("bonfire night|guy fawkes(?: night| day)?", year -> LocalDate.of(year, Month.NOVEMBER, 5)),
    VETERANS_DAY("veterans day|remembrance day|armistice day", year -> LocalDate.of(year, Month.NOVEMBER, 11)),
    THANKSGIVING("(?:us )?thanksgiving(?: day)?", year -> nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY)),
    CHRISTMAS_EVE("christmas eve|xmas eve", year -> LocalDate.of(year, Month.DECEMBER, 24)),
    CHRISTMAS("christmas(?: day)?|xmas(?: day)?", year -> LocalDate.of(year, Month.DECEMBER, 25)),
    BOXING_DAY("boxing day", year -> LocalDate.of(year, Month.DECEMBER, 26));

    /** How a holiday is written after normalising (possessive "'s" dropped, so "new year's eve" is "new year eve"). */
    final String regex;

    private final IntFunction<LocalDate> inYear;

    Holidays(String regex, IntFunction<LocalDate> inYear) {
        this.regex = regex;
        this.inYear = inYear;
    }

    LocalDate in(int year) {
        return inYear.apply(year);
    }

    /** The most recent occurrence on or before {@code latest}. */
    LocalDate mostRecent(LocalDate latest) {
        LocalDate candidate = in(latest.getYear());
        return candidate.isAfter(latest) ? in(latest.getYear() - 1) : candidate;
    }

    /** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static LocalDate nth(int year, Month month, int ordinal, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(dayOfWeekInMonth(ordinal, day));
    }
}
