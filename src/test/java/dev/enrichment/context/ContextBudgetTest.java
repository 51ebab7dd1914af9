package dev.enrichment.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.preference.PreferenceView;
import dev.enrichment.summary.SummaryView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContextBudgetTest {

    private static final Instant NOW = Instant.parse("2025-10-22T12:00:00Z");
    private final ContextComposer composer = new ContextComposer(0.5);

    @Test
    void splitsSentencesAtStopsKeepingClosingQuotesAndAFinalFragment() {
        assertThat(Sentences.of("He said \"hi.\" Then left!  Why?\nNo stop at the end"))
                .containsExactly("He said \"hi.\"", "Then left!", "Why?", "No stop at the end");
        assertThat(Sentences.of("  ")).isEmpty();
        assertThat(Sentences.of(null)).isEmpty();
    }

    @Test
    void aSectionWritesItsHeadingOnlyWithALineThatFits() {
        BlockBudget budget = new BlockBudget(50);
        BlockBudget.Section first = budget.section("First:");
        assertThat(first.add("- " + "x".repeat(300))).isFalse();
        assertThat(budget.text()).isEmpty();
        assertThat(first.add("- short")).isTrue();
        BlockBudget.Section second = budget.section("Second:");
        assertThat(second.add("- also")).isTrue();

        assertThat(budget.text()).isEqualTo("First:\n- short\n\nSecond:\n- also");
    }

    @Test
    void keepsTheLongestRunOfLeadingSentencesThatFits() {
        BlockBudget budget = new BlockBudget(50);
        BlockBudget.Fitted fitted = budget.section("Last:")
                .addSentences("", List.of("One two three.", "Four five six.", "x".repeat(200) + "."));

        assertThat(fitted.text()).isEqualTo("One two three. Four five six.");
        assertThat(fitted.left()).isEqualTo(1);
        assertThat(budget.text()).isEqualTo("Last:\nOne two three. Four five six.");
    }

    @Test
    void leavesOutASummaryWhoseFirstSentenceDoesNotFit() {
        BlockBudget budget = new BlockBudget(50);
        BlockBudget.Fitted fitted = budget.section("Last:").addSentences("", List.of("y".repeat(250) + ".", "Short."));

        assertThat(fitted.text()).isNull();
        assertThat(fitted.left()).isEqualTo(2);
        assertThat(budget.text()).isEmpty();
    }

    @Test
    void estimatesFourCharactersATokenRoundingUp() {
        assertThat(BlockBudget.tokens("")).isZero();
        assertThat(BlockBudget.tokens("abcd")).isEqualTo(1);
        assertThat(BlockBudget.tokens("abcde")).isEqualTo(2);
    }

    @Test
    void fillsInOrderOfValueAndCountsWhatWasLeftOut() {
        ContextInputs in = new ContextInputs(
                Map.of(
                        "language", preference("German", 0.9),
                        "preferred_name", preference("Mark", 0.3),
                        "pronouns", preference("he/him", 0.9),
                        "formality_level", preference("formal", 0.2)),
                List.of(fact("likes", "octopus", false), fact("lives_in", "Lisbon", true)),
                summary(7, "They talked about the sea. Then about boats. And about the harbour at night."),
                List.of(new SimilarSummary(summary(3, "An octopus escaped. It was found."), 0.5)),
                ZoneOffset.UTC,
                NOW);

        ContextView wide = composer.compose("u", "elena", 4000, in);
        assertThat(wide.block()).isEqualTo("""
                About the user:
                - Preferred name: Mark
                - Pronouns: he/him
                - Language: German

                Known facts:
                - likes octopus
                - lives in Lisbon (possibly outdated)

                Last conversation (Tuesday 7 October):
                They talked about the sea. Then about boats. And about the harbour at night.

                Related past conversations:
                - Friday 3 October: An octopus escaped. It was found.""");
        assertThat(wide.truncated()).isFalse();
        assertThat(wide.parts().preferences()).containsOnlyKeys("preferred_name", "pronouns", "language");
        assertThat(wide.estimatedTokens()).isEqualTo((wide.block().length() + 3) / 4);

        ContextView narrow = composer.compose("u", "elena", 50, in);
        assertThat(narrow.block().length()).isLessThanOrEqualTo(200);
        assertThat(narrow.block()).startsWith("About the user:\n- Preferred name: Mark\n");
        assertThat(narrow.truncated()).isTrue();
        assertThat(narrow.omitted().similarSummaries()).isEqualTo(1);
    }

    @Test
    void namesTheDayInTheUsersZoneAtTheMiddleOfTheWindow() {
        SummaryView day = summary(14, "Hi.");
        assertThat(ContextComposer.day(day, ZoneId.of("America/Los_Angeles"), NOW))
                .isEqualTo("Tuesday 14 October");
        assertThat(ContextComposer.day(day, ZoneId.of("Asia/Tokyo"), NOW)).isEqualTo("Tuesday 14 October");
        assertThat(ContextComposer.day(day, ZoneOffset.UTC, Instant.parse("2026-01-02T00:00:00Z")))
                .isEqualTo("Tuesday 14 October 2025");
    }

    @Test
    void neverExceedsAnyBudgetWithRandomInputs() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Map<String, PreferenceView> preferences = new LinkedHashMap<>();
            preferences.put("preferred_name", preference(text(random, 1 + random.nextInt(3)), 0.9));
            preferences.put("topic_preferences", preference(text(random, random.nextInt(80)), 0.9));
            List<ContextFact> facts = new ArrayList<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                facts.add(fact("likes", text(random, 1 + random.nextInt(12)), random.nextBoolean()));
            }
            List<SimilarSummary> similar = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                similar.add(new SimilarSummary(summary(1 + i, sentences(random)), 0.5));
            }
            ContextInputs in =
                    new ContextInputs(preferences, facts, summary(20, sentences(random)), similar, ZoneOffset.UTC, NOW);
            int maxTokens = 50 + random.nextInt(1951);

            ContextView view = composer.compose("u", "elena", maxTokens, in);

            assertThat(view.block().length()).isLessThanOrEqualTo(maxTokens * 4);
            assertThat(view.estimatedTokens()).isLessThanOrEqualTo(maxTokens);
            if (view.parts().latestSummary() != null) {
                assertThat(in.latest().summary())
                        .startsWith(view.parts().latestSummary().summary());
            }
        }
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(Integer.toString(random.nextInt(1 << 20), 36));
        }
        return text.toString();
    }

    private static String sentences(Random random) {
        List<String> sentences = new ArrayList<>();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            sentences.add("S" + text(random, 1 + random.nextInt(30)) + ".");
        }
        return String.join(" ", sentences);
    }

    private static PreferenceView preference(String value, double confidence) {
        return new PreferenceView(value, confidence, NOW, true, "elena", "enrichment_service");
    }

    private static ContextFact fact(String relationship, String entity, boolean outdated) {
        return new ContextFact(UUID.randomUUID(), entity, "thing", relationship, 0.9, "elena", NOW, 0.9, outdated);
    }

    private static SummaryView summary(int dayOfOctober, String text) {
        Instant start = Instant.parse("2025-10-%02dT00:00:00Z".formatted(dayOfOctober));
        return new SummaryView(
                dayOfOctober,
                "elena",
                "u",
                text,
                "time_window",
                start,
                start.plusSeconds(86_400),
                10,
                List.of(),
                "neutral",
                0.1,
                0.9,
                "0.1.0",
                start,
                start);
    }
}
