package dev.enrichment.recap;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Vague quantities, read as spans wide enough to hold what people mean by them: "a couple of" is 1–3, "a few" 2–4
 * and "several" 3–7 units ago (days; calendar weeks or months); "the other day" is 2–7 days ago. "The past few
 * days" reaches back as far as the widest of them (4 days, 3 for a couple, 7 for several), so that it holds all of
 * "a few days ago", as "last 3 days" holds all of "3 days ago".
 */
final class VagueForms {

    private static final String QUANTITY = "(?<quantity>(?:a )?couple(?: of)?|(?:a )?few|several)";

    private final RelativeForms relative;

    VagueForms(RelativeForms relative) {
        this.relative = relative;
    }

    /** How many units ago a vague quantity starts and ends, both included. */
    private enum Quantity {
        COUPLE(1, 3),
        FEW(2, 4),
        SEVERAL(3, 7);

        final int nearest;
        final int farthest;

        Quantity(int nearest, int farthest) {
            this.nearest = nearest;
            this.farthest = farthest;
        }

        static Quantity of(Matcher m) {
            String word = m.group("quantity");
            return word.contains("couple") ? COUPLE : word.contains("few") ? FEW : SEVERAL;
        }
    }

    List<Form> forms() {
        return List.of(
                Form.of(QUANTITY + " (?<unit>day|week|month)s? (?:ago|back)", (m, r) -> ago(m, r)),
                Form.of(
                        "the other day",
                        (m, r) -> Span.days(r, r.today().minusDays(7), r.today().minusDays(1))),
                Form.of(
                        "(?:(?:in|over|during) )?(?:the )?(?:last|past) " + QUANTITY + " (?<unit>day|week|month)s",
                        (m, r) -> Span.upToToday(
                                r,
                                DateWords.Amount.of(Quantity.of(m).farthest, m.group("unit"))
                                        .before(r.today()))),
                Form.of(
                        "(?:(?:in|over|during) )?(?:the )?(?:last|past) " + QUANTITY + " (?<unit>hour|minute)s",
                        (m, r) -> DayPartForms.lastDuration(
                                r, DayPartForms.duration(Quantity.of(m).farthest, m.group("unit")))));
    }

    private Span ago(Matcher m, Reference r) {
        Quantity quantity = Quantity.of(m);
        LocalDate today = r.today();
        return switch (m.group("unit")) {
            case "day" -> Span.days(r, today.minusDays(quantity.farthest), today.minusDays(quantity.nearest - 1));
            case "week" -> {
                LocalDate thisWeek = relative.weekStart(today);
                yield Span.days(r, thisWeek.minusWeeks(quantity.farthest), thisWeek.minusWeeks(quantity.nearest - 1));
            }
            default -> {
                YearMonth thisMonth = YearMonth.from(today);
                yield Span.days(
                        r,
                        thisMonth.minusMonths(quantity.farthest).atDay(1),
                        thisMonth.minusMonths(quantity.nearest - 1).atDay(1));
            }
        };
    }
}
