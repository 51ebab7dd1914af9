package dev.enrichment.recap;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Ranges shorter than a day: parts of a day ("this morning", "last night", "friday evening"), "earlier",
 * "just now", and the last N hours or minutes.
 *
 * <p>Parts of a day, in the zone's wall-clock time: morning 05:00–12:00, afternoon 12:00–17:00, evening
 * 17:00–22:00. A night named by its day ("last night", "tonight", "friday night") runs from 17:00 to 05:00 the next
 * morning: people say "last night" about an evening chat, and a chat after midnight still belongs to that night.
 * "earlier" is today up to now, "just now" the last {@value #JUST_NOW_MINUTES} minutes. Hours and minutes are
 * counted back from {@code as_of} in real time, so "the past 48 hours" is 48 hours across a DST change too.
 */
final class DayPartForms {

    static final int JUST_NOW_MINUTES = 15;

    private static final String PART = "morning|afternoon|evening|night";
    /** A day named in a sentence, followed by one of its parts: "yesterday evening", "on friday night". */
    private static final String NAMED_DAY =
            "yesterday|today|(?:the )?day before yesterday" + "|(?:on |last )?(?<weekday>" + DateWords.WEEKDAY + ")";

    private enum Part {
        MORNING(5, 12),
        AFTERNOON(12, 17),
        EVENING(17, 22),
        NIGHT(17, 29);

        private final int fromHour;
        private final int toHour;

        Part(int fromHour, int toHour) {
            this.fromHour = fromHour;
            this.toHour = toHour;
        }

        Span of(Reference r, LocalDate day) {
            return Span.wallClock(
                    r,
                    day.atTime(LocalTime.MIDNIGHT).plusHours(fromHour),
                    day.atTime(LocalTime.MIDNIGHT).plusHours(toHour));
        }

        static Part named(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    List<Form> forms() {
        return List.of(
                Form.of("(?:earlier )?this (?<part>morning|afternoon|evening)", (m, r) -> part(m).of(r, r.today())),
                Form.of(
                        "last night|(?:earlier )?tonight",
                        (m, r) -> Part.NIGHT.of(
                                r, m.group().equals("last night") ? r.today().minusDays(1) : tonight(r))),
                Form.of(
                        "(?<day>" + NAMED_DAY + ")(?: in the)? (?<part>" + PART + ")",
                        (m, r) -> part(m).of(r, namedDay(m, r))),
                Form.of("earlier", (m, r) -> Span.day(r, r.today())),
                Form.of(
                        "just now|a (?:moment|minute) ago|moments ago",
                        (m, r) -> lastDuration(r, Duration.ofMinutes(JUST_NOW_MINUTES))),
                Form.of(
                        "(?:(?:in|over|during) )?(?:the )?(?:last|past) (?<count>" + DateWords.NUMBER
                                + ") (?<unit>hour|minute)s?",
                        (m, r) -> lastDuration(r, duration(DateWords.number(m.group("count")), m.group("unit")))),
                Form.of(
                        "(?:(?:in|over|during) )?(?:the )?(?:last|past) (?<unit>hour)",
                        (m, r) -> lastDuration(r, Duration.ofHours(1))));
    }

    /** Up to 05:00 the night that began yesterday evening is still "tonight". */
    private static LocalDate tonight(Reference r) {
        return r.now().getHour() < 5 ? r.today().minusDays(1) : r.today();
    }

    private static LocalDate namedDay(Matcher m, Reference r) {
        String day = m.group("day");
        if (m.group("weekday") != null) {
            return RelativeForms.weekday(m, r);
        }
        return switch (day) {
            case "today" -> r.today();
            case "yesterday" -> r.today().minusDays(1);
            default -> r.today().minusDays(2);
        };
    }

    static Span lastDuration(Reference r, Duration duration) {
        return new Span(r.asOf().minus(duration), r.asOf());
    }

    static Duration duration(int count, String unit) {
        return unit.startsWith("hour") ? Duration.ofHours(count) : Duration.ofMinutes(count);
    }

    private static Part part(Matcher m) {
        return Part.named(m.group("part"));
    }
}
