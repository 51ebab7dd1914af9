package dev.enrichment.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.RollupAnalysis;
import dev.enrichment.pipeline.RollupInput;
import dev.enrichment.summary.Granularity;
import dev.enrichment.summary.RollupPeriod;
import dev.enrichment.summary.SummaryView;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractive rollup and the rollup prompt: pure functions of the day summaries. */
class RollupAnalyzerTest {

    private static final Instant MONDAY = Instant.parse("2025-10-27T00:00:00Z");
    private static final RollupPeriod WEEK = Granularity.WEEK.periodContaining(MONDAY, DayOfWeek.MONDAY);

    @Test
    void extractiveRollupIsDeterministicAndMergesTheDays() {
        RollupInput input = new RollupInput(
                "elena",
                "ana",
                WEEK,
                List.of(
                        day(
                                1,
                                0,
                                10,
                                "positive",
                                0.9,
                                List.of("Marine biology", "diving"),
                                "The user talked about coral reefs. They sounded excited."),
                        day(
                                2,
                                2,
                                30,
                                "negative",
                                0.7,
                                List.of("work stress", "marine biology"),
                                "The user was worried about a deadline at work! Elena reassured them."),
                        day(3, 4, 5, "positive", 0.5, List.of("diving"), "The user planned a dive for Saturday.")));

        RollupAnalysis first = new ExtractiveRollupAnalyzer().analyze(input);
        RollupAnalysis again = new ExtractiveRollupAnalyzer().analyze(input);

        assertThat(again).isEqualTo(first);
        assertThat(first.summary())
                .startsWith("In the week from 2025-10-27 to 2025-11-02, the user talked with Elena "
                        + "in 3 conversations (45 messages), mostly about Marine biology, diving and work stress.")
                .contains("2025-10-27: The user talked about coral reefs.")
                .contains("2025-10-29: The user was worried about a deadline at work!")
                .doesNotContain("They sounded excited");
        // two days each for marine biology and diving: more messages behind marine biology
        assertThat(first.keyTopics()).containsExactly("Marine biology", "diving", "work stress");
        // 30 negative messages outweigh 15 positive ones
        assertThat(first.emotionalTone()).isEqualTo("negative");
        assertThat(first.confidenceScore()).isEqualTo(ExtractiveWindowAnalyzer.MAX_CONFIDENCE);
        assertThat(first.summaryType()).isEqualTo("extractive");
        assertThat(first.llmCalls()).isZero();
        assertThat(input.messageCount()).isEqualTo(45);
    }

    @Test
    void toneIsMixedWhenOpposingTonesWeighTheSame() {
        assertThat(ExtractiveRollupAnalyzer.tone(List.of(
                        day(1, 0, 10, "positive", 0.2, List.of(), "A."),
                        day(2, 1, 10, "negative", 0.2, List.of(), "B."))))
                .isEqualTo("mixed");
        assertThat(ExtractiveRollupAnalyzer.tone(List.of(day(1, 0, 10, null, 0.2, List.of(), "A."))))
                .isEqualTo("neutral");
    }

    @Test
    void extractiveConfidenceIsTheDaysMeanUnderTheCeiling() {
        RollupAnalysis low = new ExtractiveRollupAnalyzer()
                .analyze(new RollupInput(
                        "elena",
                        "ana",
                        WEEK,
                        List.of(
                                day(1, 0, 10, "neutral", 0.2, List.of("a"), "One."),
                                day(2, 1, 10, "neutral", 0.3, List.of("a"), "Two."))));
        assertThat(low.confidenceScore()).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void nothingToRollUpIsAFailureNotAPlaceholder() {
        assertThatThrownBy(
                        () -> new ExtractiveRollupAnalyzer().analyze(new RollupInput("elena", "ana", WEEK, List.of())))
                .isInstanceOf(AnalysisFailedException.class);
    }

    @Test
    void promptCarriesEveryDayAndShortensThemToFitOneCall() {
        String longText = "The user talked about reefs. " + "Many details follow here. ".repeat(200);
        RollupInput input = new RollupInput(
                "elena",
                "ana",
                WEEK,
                List.of(
                        day(1, 0, 10, "positive", 0.9, List.of("reefs"), longText),
                        day(2, 3, 12, "neutral", 0.8, List.of("work"), "The user described a long day at work.")));

        String prompt = RollupPrompts.user(input, 1_000);

        assertThat(prompt)
                .contains("Recap the week from 2025-10-27 to 2025-11-02 (UTC, both included) of the user's "
                        + "conversations with Elena: 2 day summaries, 22 messages")
                .contains("[2025-10-27T00:00:00Z to 2025-10-28T00:00:00Z, 10 messages, tone positive, topics: reefs]")
                .contains("The user described a long day at work.")
                .contains("\u2026");
        assertThat(prompt.length()).isLessThan(1_000 + 600);
    }

    private static SummaryView day(
            int id, int dayOffset, int messages, String tone, double confidence, List<String> topics, String text) {
        Instant start = MONDAY.plus(Duration.ofDays(dayOffset));
        return new SummaryView(
                id,
                "elena",
                "ana",
                text,
                "time_window",
                start,
                start.plus(Duration.ofDays(1)),
                messages,
                topics,
                tone,
                0.1,
                confidence,
                "0.1.0",
                start,
                start,
                "day",
                null);
    }
}
