package dev.enrichment.recap;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what still talks about time in a sentence once the expressions the parser read are masked out (each as
 * {@code #n#}). Anything it finds makes the sentence unreadable rather than letting the parser answer with less
 * than was asked; on a sentence with no expression at all, it tells "what did we talk about?" (nothing) from
 * "what did we talk about on the 45th?" (something the parser cannot read).
 *
 * <p>What counts as time-like, chosen so that everyday words stay words:
 * <ul>
 * <li>words that only ever speak about time: yesterday, tonight, weekend, fortnight, ago, since, until, weekday and
 * month names (but "may"), holidays, summer, winter, autumn;
 * <li>"may", month abbreviations, "spring" and "fall" only next to a day number or after a word that asks for a
 * date ("in may", "since jan", "the fall"), so "may I ask" and "jan said" are not;
 * <li>a unit of time with a quantity or determiner ("3 hours", "a few weeks", "last month", "that night", "the
 * first week") or with ago/before/after ("a day before"). "last" or "time" alone are not time-like: "the last thing
 * we talked about", "last time" ask for the latest conversation;
 * <li>"morning", "evening", "night" only when placed ("in the morning", "friday night"), so greetings are not;
 * <li>digits shaped like dates or clock times: ordinals (10th), 3/4, 3-4, 15:30, 3pm, years 1900–2099;
 * <li>range and anchor words next to a read expression ("between #0# and the blorp", "#0# to whenever", "around
 * #0#", "early #0#", "the one before that").
 * </ul>
 * Bare words such as "before", "earlier than you think" or "in the past" are not time-like; the service answers
 * such sentences with the latest conversations.
 */
final class TimeLikeDetector {

    private static final String READ = "#\\d+#";
    private static final String UNIT = "minute|hour|day|night|morning|afternoon|evening|week|weekend|fortnight|month"
            + "|year|season|quarter|semester|decade";
    private static final String QUANTITY = "\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|few|couple|several|last|past|previous|next|this|that|these|those|other|coming|following|first|second"
            + "|third|fourth|final";
    private static final String ASKS_FOR_A_DATE = "in|since|during|from|between|until|till|by|before|after|of|last"
            + "|this|next|early|late|mid|the|and|to|through";

    private static final List<Pattern> SIGNS = List.of(
            words("yesterdays?|today|tonight|tomorrow|weekends?|fortnights?|ago|since|until|till|overnight"
                    + "|midnight|midday|noon|hallowe?en|christmas|xmas|easter|thanksgiving|valentines?|hanukk?ah"
                    + "|chanukk?ah|diwali|ramadan|passover|kwanzaa|new years?|summer|winter|autumn"
                    + "|(?:" + DateWords.WEEKDAY + ")s?|" + DateWords.MONTH_NAME),
            words("(?:" + ASKS_FOR_A_DATE + ") (?:" + DateWords.MONTH + "|spring|fall)"),
            words("(?:" + DateWords.MONTH + ") (?:the )?\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:" + DateWords.MONTH
                    + ")"),
            words("(?:" + QUANTITY + ") (?:of )?(?:" + UNIT + ")s?"),
            words("(?:" + UNIT + ")s? (?:ago|back|before|after|earlier|later)"),
            words("(?:in the|at|on|during|early|late|(?:" + DateWords.WEEKDAY + ")|" + READ
                    + ") (?:morning|afternoon|evening|night)s?"),
            words("\\d{1,2}(?:st|nd|rd|th)|\\d+[/.:-]\\d+|" + DateWords.YEAR
                    + "|\\d{1,2} ?(?:am|pm|a m|p m|oclock)|at \\d{1,2}"),
            words("(?:between|since|until|till|through|thru|before|after|around|by|up to|during|early|late|mid|end"
                    + " of|start of|beginning of|middle of|rest of|half of|next|this|coming|following|last) (?:the )?"
                    + READ),
            words(READ + " ?(?:to|until|till|through|thru|or later|or so|ish|onwards?|before|after|-)"),
            words("(?:the )?one before|the one after|before that|after that|earlier than|later than|prior to"));

    private TimeLikeDetector() {}

    /** The first time-like fragment of {@code masked} (the longest of those starting there), as it appears there. */
    static Optional<String> find(String masked) {
        int bestStart = Integer.MAX_VALUE;
        String best = null;
        for (Pattern sign : SIGNS) {
            Matcher matcher = sign.matcher(masked);
            if (matcher.find()
                    && (matcher.start() < bestStart
                            || (matcher.start() == bestStart && matcher.group().length() > best.length()))) {
                bestStart = matcher.start();
                best = matcher.group();
            }
        }
        return Optional.ofNullable(best);
    }

    // \b would not see a boundary before "#", so words are delimited by what is not a letter or digit
    private static Pattern words(String regex) {
        return Pattern.compile("(?<![a-z0-9])(?:" + regex + ")(?![a-z0-9])");
    }
}
