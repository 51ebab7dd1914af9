package dev.enrichment.recap;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Holidays and seasons, each resolved to its most recent occurrence that has begun: a holiday counts on its own
 * day, a season while it lasts. "last christmas" is the most recent one before today, "last summer" the most recent
 * summer that is over. Seasons are the northern hemisphere's meteorological ones: spring March–May, summer
 * June–August, autumn (fall) September–November, winter December–February.
 */
final class OccasionForms {

    private enum Season {
        SPRING(Month.MARCH),
        SUMMER(Month.JUNE),
        AUTUMN(Month.SEPTEMBER),
        WINTER(Month.DECEMBER);

        private final Month first;

        Season(Month first) {
            this.first = first;
        }

        static Season named(String word) {
            return word.equals("fall") ? AUTUMN : valueOf(word.toUpperCase(Locale.ROOT));
        }

        /** The most recent occurrence that starts on or before {@code latest}. */
        YearMonth mostRecentStart(LocalDate latest) {
            YearMonth start = YearMonth.of(latest.getYear(), first);
            return start.atDay(1).isAfter(latest) ? start.minusYears(1) : start;
        }
    }

    private static final String SEASON = "spring|summer|autumn|winter";
    /** "fall" is a season only after a word that asks for one ("did I fall", "the fall of rome" stay words). */
    private static final String FALL = "(?:in the|during the|over the|this|since the|the) fall";

    List<Form> forms() {
        List<Form> forms = new ArrayList<>();
        for (Holidays holiday : Holidays.values()) {
            forms.add(Form.of(
                    "(?:(?:on|at|over|for|during) )?(?:the )?(?:" + holiday.regex + ")",
                    (m, r) -> Span.day(r, holiday.mostRecent(r.latest()))));
            forms.add(Form.of(
                    "last (?:" + holiday.regex + ")",
                    (m, r) -> Span.day(r, holiday.mostRecent(r.today().minusDays(1)))));
        }
        forms.add(Form.of(
                "(?:(?:in|during|over) )?(?:the |this )?(?<season>" + SEASON + ")|(?<fall>" + FALL + ")",
                (m, r) -> season(r, season(m.group("season"), m.group("fall")), r.latest())));
        forms.add(Form.of("last (?<season>" + SEASON + "|fall)", (m, r) -> {
            Season season = Season.named(m.group("season"));
            // the most recent one that is over: look back from the day before the current one would start
            YearMonth start = season.mostRecentStart(r.today());
            if (!start.plusMonths(3).atDay(1).isAfter(r.today())) {
                return season(r, season, r.today());
            }
            return season(r, season, start.atDay(1).minusDays(1));
        }));
        return forms;
    }

    private static Season season(String season, String fall) {
        return season != null ? Season.named(season) : Season.AUTUMN;
    }

    private static Span season(Reference r, Season season, LocalDate latest) {
        YearMonth start = season.mostRecentStart(latest);
        return Span.days(r, start.atDay(1), start.plusMonths(3).atDay(1));
    }
}
