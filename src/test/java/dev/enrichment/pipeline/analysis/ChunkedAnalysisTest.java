package dev.enrichment.pipeline.analysis;

import static dev.enrichment.pipeline.analysis.AnalysisFixtures.answer;
import static dev.enrichment.pipeline.analysis.AnalysisFixtures.message;
import static dev.enrichment.pipeline.analysis.AnalysisFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import dev.enrichment.pipeline.WindowAnalysis;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class ChunkedAnalysisTest {

    @RegisterExtension
    static final WireMockExtension wireMock = AnalysisFixtures.wireMock();

    private final LlmStubs stubs = LlmStubs.on(wireMock);

    @Test
    void analysesALongWindowInChunksAndMergesThemWithoutDroppingAMessage() {
        stubs.willAnswer(answer().fact("Portland", "location", "lives_in", 0.9).json());
        List<Message> messages = markedMessages(3_000, 100);

        WindowAnalysis analysis = analyzer(12_000).analyze(window(messages));

        List<String> prompts = userPrompts();
        List<String> chunkPrompts =
                prompts.stream().filter(p -> p.startsWith("This is part ")).toList();
        List<String> mergePrompts =
                prompts.stream().filter(p -> p.startsWith("Consecutive parts ")).toList();
        assertThat(chunkPrompts).hasSizeGreaterThan(1);
        assertThat(mergePrompts).hasSize(1);
        assertThat(prompts).hasSize(chunkPrompts.size() + 1);
        assertThat(prompts.get(prompts.size() - 1)).as("the merge comes last").isEqualTo(mergePrompts.get(0));
        for (int i = 0; i < messages.size(); i++) {
            String marker = marker(i);
            assertThat(chunkPrompts.stream()
                            .filter(prompt -> prompt.contains(marker))
                            .count())
                    .as("chunks holding message %d", i)
                    .isEqualTo(1);
        }
        assertThat(mergePrompts.get(0))
                .doesNotContain(marker(0))
                .contains("\"part\":" + chunkPrompts.size())
                .contains("Portland");
        assertThat(stubs.requestBodies())
                .allSatisfy(body -> assertThat(body.at("/messages/0/content")
                                        .asText()
                                        .length()
                                + body.at("/messages/1/content").asText().length())
                        .as("prompt characters")
                        .isLessThanOrEqualTo(12_000 * TranscriptChunker.CHARS_PER_TOKEN));
        assertThat(analysis.llmCalls()).isEqualTo(chunkPrompts.size() + 1);
        assertThat(analysis.confidenceScore()).isEqualTo(0.85);
    }

    @Test
    void keepsMessagesInOrderAcrossChunks() {
        stubs.willAnswer(answer().json());
        List<Message> messages = markedMessages(400, 400);

        analyzer(12_000).analyze(window(messages));

        StringBuilder transcripts = new StringBuilder();
        userPrompts().stream().filter(p -> p.startsWith("This is part ")).forEach(transcripts::append);
        int previous = -1;
        for (int i = 0; i < messages.size(); i++) {
            int at = transcripts.indexOf(marker(i));
            assertThat(at).as("message %d after message %d", i, i - 1).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void mergesInStagesWhenThePartAnalysesDoNotFitOnePrompt() {
        stubs.willAnswer(answer().fact("Portland", "location", "lives_in", 0.9)
                .fact("nursing", "occupation", "works_as", 0.9)
                .json());
        // The smallest budget: two 2,000-character messages per chunk, so 40 messages make 20 chunks.
        List<Message> messages = markedMessages(40, 2_000);

        WindowAnalysis analysis = analyzer(500).analyze(window(messages));

        List<String> prompts = userPrompts();
        long chunks =
                prompts.stream().filter(p -> p.startsWith("This is part ")).count();
        long merges =
                prompts.stream().filter(p -> p.startsWith("Consecutive parts ")).count();
        assertThat(chunks).isEqualTo(20);
        assertThat(merges).isGreaterThan(1);
        assertThat(prompts.get(prompts.size() - 1)).startsWith("Consecutive parts ");
        assertThat(analysis.llmCalls()).isEqualTo((int) (chunks + merges));
        assertThat(analysis.facts()).hasSize(2);
    }

    @Test
    void sendsAWindowWithinTheBudgetInOneCall() {
        stubs.willAnswer(answer().json());

        WindowAnalysis analysis = analyzer(12_000).analyze(window(markedMessages(200, 100)));

        assertThat(userPrompts()).singleElement().asString().startsWith("Analyse this conversation");
        assertThat(analysis.llmCalls()).isEqualTo(1);
    }

    private LlmWindowAnalyzer analyzer(int maxInputTokens) {
        return new LlmWindowAnalyzer(AnalysisFixtures.client(wireMock.baseUrl(), 0), maxInputTokens);
    }

    private List<String> userPrompts() {
        return stubs.requestBodies().stream()
                .map(body -> body.at("/messages/1/content"))
                .map(JsonNode::asText)
                .toList();
    }

    private static List<Message> markedMessages(int count, int chars) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = marker(i) + " " + "lorem ipsum dolor sit amet ".repeat(chars / 27 + 1);
            messages.add(message(i, i % 2 == 0 ? Role.USER : Role.ASSISTANT, text.substring(0, chars)));
        }
        return messages;
    }

    private static String marker(int index) {
        return String.format("<m%05d>", index);
    }
}
