package dev.enrichment.pipeline.analysis;

import static dev.enrichment.pipeline.analysis.AnalysisFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import dev.enrichment.pipeline.analysis.ToneFromLabels.Tone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerivedValuesTest {

    @Test
    void mapsEmotionLabelsToTones() {
        assertThat(List.of("joy", "excitement", "love", "happiness", "optimism", "trust"))
                .allSatisfy(
                        label -> assertThat(ToneFromLabels.toneOfLabel(label)).isEqualTo(Tone.POSITIVE));
        assertThat(List.of("sadness", "anger", "fear", "disgust", "pessimism"))
                .allSatisfy(
                        label -> assertThat(ToneFromLabels.toneOfLabel(label)).isEqualTo(Tone.NEGATIVE));
        assertThat(List.of("neutral", "curiosity", " Neutral "))
                .allSatisfy(
                        label -> assertThat(ToneFromLabels.toneOfLabel(label)).isEqualTo(Tone.NEUTRAL));
        assertThat(List.of("surprise", "anticipation", "confusion"))
                .allSatisfy(
                        label -> assertThat(ToneFromLabels.toneOfLabel(label)).isEqualTo(Tone.MIXED));
    }

    @Test
    void votesOverTheLabelsOfUserAndAssistantMessages() {
        assertThat(ToneFromLabels.toneOf(labelled("sadness", "joy", "love", null, " ")))
                .contains("positive");
        assertThat(ToneFromLabels.toneOf(labelled("sadness", "anger", "joy"))).contains("negative");
        assertThat(ToneFromLabels.toneOf(labelled("neutral", "curiosity", "fear")))
                .contains("neutral");
    }

    @Test
    void callsATieMixed() {
        assertThat(ToneFromLabels.toneOf(labelled("joy", "sadness"))).contains("mixed");
        assertThat(ToneFromLabels.toneOf(labelled("joy", "neutral", "neutral", "love")))
                .contains("mixed");
    }

    @Test
    void hasNoToneWithoutLabels() {
        assertThat(ToneFromLabels.toneOf(labelled(null, "", null))).isEmpty();
    }

    @Test
    void capsConfidenceByMessageCount() {
        assertThat(ConfidenceCap.forMessageCount(25)).isEqualTo(0.9);
        assertThat(ConfidenceCap.forMessageCount(20)).isEqualTo(0.9);
        assertThat(ConfidenceCap.forMessageCount(19)).isEqualTo(0.8);
        assertThat(ConfidenceCap.forMessageCount(10)).isEqualTo(0.8);
        assertThat(ConfidenceCap.forMessageCount(9)).isEqualTo(0.6);
        assertThat(ConfidenceCap.forMessageCount(5)).isEqualTo(0.6);
        assertThat(ConfidenceCap.forMessageCount(4)).isEqualTo(0.4);
        assertThat(ConfidenceCap.capped(0.95, 12)).isEqualTo(0.8);
        assertThat(ConfidenceCap.capped(0.5, 12)).isEqualTo(0.5);
    }

    @Test
    void dividesTheSummaryLengthByTheFullMessageLengths() {
        List<Message> messages =
                List.of(message(0, Role.USER, "x".repeat(3_000)), message(1, Role.ASSISTANT, "y".repeat(1_000)));

        assertThat(CompressionRatio.of("z".repeat(200), messages)).isEqualTo(0.05);
        assertThat(CompressionRatio.of("z", List.of(message(0, Role.USER, "")))).isZero();
    }

    @Test
    void hashesPromptVersionModelAndEveryMessageField() {
        List<Message> messages = AnalysisFixtures.conversation(4);
        String hash = InputHash.of("v1", "model", messages);

        assertThat(hash)
                .matches("[0-9a-f]{64}")
                .isEqualTo(InputHash.of("v1", "model", AnalysisFixtures.conversation(4)));
        assertThat(InputHash.of("v2", "model", messages)).isNotEqualTo(hash);
        assertThat(InputHash.of("v1", "other", messages)).isNotEqualTo(hash);
        List<Message> edited = new ArrayList<>(messages);
        Message last = edited.remove(3);
        edited.add(new Message(
                last.pointId(),
                last.bot(),
                last.userId(),
                last.role(),
                last.content() + "!",
                last.timestamp(),
                last.emotionalContext(),
                last.truncated()));
        assertThat(InputHash.of("v1", "model", edited)).isNotEqualTo(hash);
        assertThat(InputHash.of("v1", "model", messages.subList(0, 3))).isNotEqualTo(hash);
    }

    private static List<Message> labelled(String... labels) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            messages.add(message(i, i % 2 == 0 ? Role.USER : Role.ASSISTANT, "text " + i, labels[i]));
        }
        return messages;
    }
}
