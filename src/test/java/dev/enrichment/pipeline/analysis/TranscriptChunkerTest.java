package dev.enrichment.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptChunkerTest {

    @Test
    void keepsEverythingInOneChunkWhenItFits() {
        List<String> lines = List.of("aaaa", "bbbb", "cccc");

        assertThat(TranscriptChunker.split(lines, 16)).containsExactly(lines);
    }

    @Test
    void splitsBetweenMessagesWithinTheBudget() {
        List<String> lines = List.of("aaaa", "bbbb", "cccc", "dddd", "eeee");

        List<List<String>> chunks = TranscriptChunker.split(lines, 10);

        assertThat(chunks).containsExactly(List.of("aaaa", "bbbb"), List.of("cccc", "dddd"), List.of("eeee"));
        assertThat(chunks)
                .allSatisfy(chunk ->
                        assertThat(TranscriptChunker.joinedLength(chunk)).isLessThanOrEqualTo(10));
    }

    @Test
    void givesAMessageLongerThanTheBudgetAChunkOfItsOwn() {
        List<String> lines = List.of("aa", "b".repeat(50), "cc");

        assertThat(TranscriptChunker.split(lines, 10))
                .containsExactly(List.of("aa"), List.of("b".repeat(50)), List.of("cc"));
    }

    @Test
    void groupsPartAnalysesSoThatEveryMergeLevelShrinks() {
        List<String> parts = List.of("x".repeat(40), "x".repeat(40), "x".repeat(40), "x".repeat(40), "x".repeat(40));

        assertThat(LlmWindowAnalyzer.groupSizes(parts, 100)).containsExactly(2, 2, 1);
        assertThat(LlmWindowAnalyzer.groupSizes(parts, 10))
                .as("even when two do not fit")
                .containsExactly(2, 2, 1);
        assertThat(LlmWindowAnalyzer.groupSizes(parts, 10_000)).containsExactly(5);
    }

    @Test
    void reservesRoomForTheFixedPromptText() {
        assertThat(LlmWindowAnalyzer.budgetChars(12_000))
                .isEqualTo(12_000 * TranscriptChunker.CHARS_PER_TOKEN - AnalysisPrompts.fixedChars());
        assertThat(LlmWindowAnalyzer.budgetChars(500)).isEqualTo(LlmWindowAnalyzer.MIN_BUDGET_CHARS);
    }
}
