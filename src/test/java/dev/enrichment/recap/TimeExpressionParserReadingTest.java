package dev.enrichment.recap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three outcomes of {@link TimeExpressionParser#read}, and the rule that a sentence is read wholly or not. */
class TimeExpressionParserReadingTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final TimeExpressionParser parser = new TimeExpressionParser(DayOfWeek.MONDAY);

    /** Readable alone. */
    private static final List<String> READABLE = List.of(
            "yesterday",
            "last week",
            "on monday",
            "last night",
            "a few days ago",
            "the past 48 hours",
            "in october",
            "march 3",
            "3/4",
            "2025-10-03",
            "christmas",
            "last summer",
            "the week before last",
            "since tuesday",
            "between monday and wednesday",
            "from friday to monday",
            "this morning",
            "the other day",
            "on the 10th",
            "a fortnight ago");

    /**
     * Time-like, and unreadable alone. Not "yesterday or last week": it is refused for naming separate times, and a
     * third expression that bridges them ("on monday or yesterday or last week") is rightly read as one range.
     */
    private static final List<String> UNREADABLE = List.of(
            "since the 45th",
            "the 45th",
            "around 3pm",
            "at 10:30",
            "next week",
            "tomorrow",
            "a while ago",
            "two hours ago",
            "that night",
            "the one before that",
            "february 30",
            "2025-13-01",
            "chinese new year",
            "black friday",
            "mothers day",
            "in the morning",
            "mid-october",
            "early last month",
            "until whenever",
            "3 o'clock",
            "the first week of",
            "since forever",
            "hanukkah",
            "the day after",
            "last tuesday or the one before that");

    /** Not time-like. */
    private static final List<String> FILLERS = List.of(
            "hey",
            "what did we talk about",
            "can you remind me",
            "and also",
            "plus whatever we said about my job",
            "ok so",
            "please",
            "thanks!",
            "what were we saying",
            "about the cat",
            "may I ask",
            "the last thing we talked about");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what were we talking about before?",
                "what did we talk about?",
                "remind me about my job",
                "the last thing we talked about",
                "what did we talk about last time?",
                "good morning!",
                "may I ask",
                "jan said hi, what did he want?",
                "in the past",
                "did I fall?",
                "",
                "   "
            })
    void readsNothingInSentencesWithoutTime(String text) {
        assertThat(parser.read(text, UTC, ParserCases.AS_OF)).isEqualTo(new TimeReading.NoTimeExpression());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how was your weekend?",
                "what did we say at 3pm",
                "anything from hanukkah?",
                "what did we talk about the other night",
                "since we met",
                "around easter",
                "next week",
                "two weeks from now",
                "the 45th",
                "what about 12/31/2026?",
                "remind me of mid-october"
            })
    void findsTimeItCannotRead(String text) {
        TimeReading reading = parser.read(text, UTC, ParserCases.AS_OF);

        assertThat(reading).isInstanceOfSatisfying(TimeReading.Unreadable.class, unreadable -> {
            assertThat(unreadable.reason()).isNotBlank();
            assertThat(unreadable.supportedForms()).isEqualTo(TimeExpressionParser.supportedForms());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"last 400 days", "what did we talk about in the last 2 years?", "since 2020"})
    void saysARangeOverTheLimitIsTooLongRatherThanUnreadable(String text) {
        assertThat(parser.read(text, UTC, ParserCases.AS_OF))
                .isInstanceOfSatisfying(
                        TimeReading.TooLong.class,
                        tooLong -> assertThat(tooLong.reason()).contains("366"));
    }

    @Test
    void keepsResolveThrowingForBothNonRangeOutcomes() {
        UnresolvableExpressionException nothing = org.junit.jupiter.api.Assertions.assertThrows(
                UnresolvableExpressionException.class,
                () -> parser.resolve("what did we talk about?", UTC, ParserCases.AS_OF));
        UnresolvableExpressionException unreadable = org.junit.jupiter.api.Assertions.assertThrows(
                UnresolvableExpressionException.class,
                () -> parser.resolve("what did we say at 3pm?", UTC, ParserCases.AS_OF));

        assertThat(nothing.reason()).isEqualTo("found no time expression");
        assertThat(unreadable.reason()).startsWith("\"at 3pm\" is a time of day");
    }

    @Test
    void checksItsOwnVocabulary() {
        READABLE.forEach(text ->
                assertThat(parser.read(text, UTC, ParserCases.AS_OF)).as(text).isInstanceOf(TimeReading.Range.class));
        UNREADABLE.forEach(text -> assertThat(parser.read(text, UTC, ParserCases.AS_OF))
                .as(text)
                .isInstanceOf(TimeReading.Unreadable.class));
        FILLERS.forEach(text -> assertThat(parser.read(text, UTC, ParserCases.AS_OF))
                .as(text)
                .isEqualTo(new TimeReading.NoTimeExpression()));
    }

    // Property: a sentence holding a fragment that is unreadable alone is unreadable as a whole, never a range,
    // wherever the fragment stands and whatever readable expressions surround it.
    @Test
    void neverReadsASentenceWithAnUnreadableFragmentAsARange() {
        Random random = new Random(20251105L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String sentence = sentenceWithUnreadableFragment(random);
            if (!(parser.read(sentence, UTC, ParserCases.AS_OF) instanceof TimeReading.Unreadable)) {
                failures.add(sentence);
            }
        }

        assertThat(failures).isEmpty();
    }

    // Property: fillers around one readable expression change nothing.
    @Test
    void readsOneExpressionInAnySentenceAsItReadsItAlone() {
        Random random = new Random(42L);
        for (int i = 0; i < 1000; i++) {
            String expression = pick(random, READABLE);
            String sentence = pick(random, FILLERS) + " " + expression + " " + pick(random, FILLERS);
            ResolvedRange alone = parser.resolve(expression, UTC, ParserCases.AS_OF);

            TimeReading reading = parser.read(sentence, UTC, ParserCases.AS_OF);

            assertThat(reading).as(sentence).isInstanceOfSatisfying(TimeReading.Range.class, range -> {
                assertThat(range.range().from()).as(sentence).isEqualTo(alone.from());
                assertThat(range.range().to()).as(sentence).isEqualTo(alone.to());
            });
        }
    }

    private static String sentenceWithUnreadableFragment(Random random) {
        String readable = pick(random, READABLE);
        String unreadable = pick(random, UNREADABLE);
        return switch (random.nextInt(7)) {
            case 0 -> pick(random, FILLERS) + " " + readable + " " + pick(random, FILLERS) + " " + unreadable;
            case 1 -> unreadable + ", " + pick(random, FILLERS) + " " + readable + "?";
            case 2 -> "between " + readable + " and " + unreadable;
            case 3 -> "from " + readable + " to " + unreadable;
            case 4 -> readable + " or " + unreadable;
            case 5 -> pick(random, FILLERS) + " " + unreadable + " " + pick(random, FILLERS);
            default ->
                pick(random, FILLERS) + " " + readable + " and " + pick(random, FILLERS) + " " + unreadable + " "
                        + pick(random, FILLERS) + " " + pick(random, READABLE);
        };
    }

    private static String pick(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
