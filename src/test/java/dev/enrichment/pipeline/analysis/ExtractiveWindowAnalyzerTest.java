package dev.enrichment.pipeline.analysis;

import static dev.enrichment.pipeline.analysis.AnalysisFixtures.message;
import static dev.enrichment.pipeline.analysis.AnalysisFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import dev.enrichment.pipeline.WindowAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveWindowAnalyzerTest {

    private final ExtractiveWindowAnalyzer analyzer = new ExtractiveWindowAnalyzer();

    private static final List<Message> HIKING = List.of(
            message(0, Role.USER, "Hi Elena! I just got back from hiking on Mount Hood this weekend.", "joy"),
            message(1, Role.ASSISTANT, "Welcome back! How was the hiking on Mount Hood? Did the weather hold?", "joy"),
            message(2, Role.USER, "The weather was perfect. My dog Luna came along and loved the trail.", "love"),
            message(3, Role.ASSISTANT, "Luna sounds like a great hiking partner. Dogs love trail adventures.", "joy"),
            message(
                    4,
                    Role.USER,
                    "I'm also learning marine biology online, so I looked at the alpine lakes.",
                    "neutral"),
            message(5, Role.ASSISTANT, "Marine biology and alpine lakes, what a combination!", "surprise"),
            message(6, Role.USER, "Next month I want to try hiking the Timberline Trail with Luna.", "optimism"));

    @Test
    void summarisesTheWindowLocallyWithTopicsAndTheLabelsTone() {
        WindowAnalysis analysis = analyzer.analyze(window(HIKING));

        assertThat(analysis.summary())
                .hasSizeGreaterThanOrEqualTo(40)
                .startsWith("In this conversation with Elena, the user talked about ")
                .contains("The user said: \"");
        assertThat(analysis.keyTopics())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(5)
                .contains("hiking", "Mount Hood", "Luna");
        assertThat(analysis.keyTopics())
                .as("the bot's own name is no topic")
                .noneMatch(topic -> topic.equalsIgnoreCase("elena"));
        assertThat(analysis.emotionalTone()).isEqualTo("positive");
        assertThat(analysis.confidenceScore()).isEqualTo(0.35);
        assertThat(analysis.facts()).isEmpty();
        assertThat(analysis.preferences()).isEmpty();
        assertThat(analysis.summaryType()).isEqualTo("extractive");
        assertThat(analysis.model()).isEqualTo("extractive");
        assertThat(analysis.promptVersion()).isEqualTo(ExtractiveWindowAnalyzer.PROMPT_VERSION);
        assertThat(analysis.inputHash()).matches("[0-9a-f]{64}");
        assertThat(analysis.llmCalls()).isZero();
        assertThat(analysis.promptTokens()).isZero();
        assertThat(analysis.completionTokens()).isZero();
        int totalChars = HIKING.stream().mapToInt(m -> m.content().length()).sum();
        assertThat(analysis.compressionRatio())
                .isEqualTo((double) analysis.summary().length() / totalChars);
    }

    @Test
    void quotesThreeToFiveRepresentativeSentencesInTheirOriginalOrder() {
        String summary = analyzer.analyze(window(HIKING)).summary();

        int quotes = summary.split(" said: \"", -1).length - 1;
        assertThat(quotes).isBetween(3, 5);
        assertThat(summary.indexOf("Mount Hood this weekend")).isLessThan(summary.indexOf("Timberline Trail"));
    }

    @Test
    void staysBelowTheMessageCountCap() {
        WindowAnalysis analysis = analyzer.analyze(window(HIKING.subList(0, 3)));

        assertThat(analysis.confidenceScore()).isEqualTo(0.35);
        assertThat(ConfidenceCap.forMessageCount(3)).isGreaterThan(0.35);
    }

    @Test
    void isNeutralWithoutLabels() {
        List<Message> unlabelled = HIKING.stream()
                .map(m -> new Message(
                        m.pointId(), m.bot(), m.userId(), m.role(), m.content(), m.timestamp(), null, false))
                .toList();

        assertThat(analyzer.analyze(window(unlabelled)).emotionalTone()).isEqualTo("neutral");
    }

    @Test
    void writesAReadableSummaryEvenWithoutContentWords() {
        List<Message> smallTalk = List.of(
                message(0, Role.USER, "hi"),
                message(1, Role.ASSISTANT, "hey!"),
                message(2, Role.USER, "ok"),
                message(3, Role.ASSISTANT, "\uD83D\uDE00"),
                message(4, Role.USER, "lol"));

        WindowAnalysis analysis = analyzer.analyze(window(smallTalk));

        assertThat(analysis.summary())
                .isEqualTo("The user and Elena exchanged 5 messages in this conversation.")
                .hasSizeGreaterThanOrEqualTo(40);
        assertThat(analysis.keyTopics()).isEmpty();
    }

    @Test
    void shortensVeryLongSentencesInQuotes() {
        String longSentence = "I keep thinking about astronomy " + "and telescopes ".repeat(40) + "tonight";
        WindowAnalysis analysis = analyzer.analyze(window(List.of(
                message(0, Role.USER, longSentence),
                message(1, Role.ASSISTANT, "Astronomy with telescopes is a lovely hobby."))));

        assertThat(analysis.summary()).contains("\u2026\"").doesNotContain("tonight");
    }
}
