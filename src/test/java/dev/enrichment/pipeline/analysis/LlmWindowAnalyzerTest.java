package dev.enrichment.pipeline.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.enrichment.pipeline.analysis.AnalysisFixtures.answer;
import static dev.enrichment.pipeline.analysis.AnalysisFixtures.conversation;
import static dev.enrichment.pipeline.analysis.AnalysisFixtures.message;
import static dev.enrichment.pipeline.analysis.AnalysisFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import dev.enrichment.fact.NewFact;
import dev.enrichment.llm.LlmException;
import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.WindowAnalysis;
import dev.enrichment.preference.NewPreference;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LlmWindowAnalyzerTest {

    @RegisterExtension
    static final WireMockExtension wireMock = AnalysisFixtures.wireMock();

    private final LlmStubs stubs = LlmStubs.on(wireMock);

    private LlmWindowAnalyzer analyzer() {
        return analyzer(0);
    }

    private LlmWindowAnalyzer analyzer(int maxRetries) {
        return new LlmWindowAnalyzer(AnalysisFixtures.client(wireMock.baseUrl(), maxRetries), 12_000);
    }

    @Test
    void sendsTheSchemaAsStrictJsonSchemaResponseFormat() {
        stubs.willAnswer(answer().json());

        analyzer().analyze(window(conversation(6)));

        JsonNode body = stubs.requestBodies().get(0);
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("window_analysis");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema"))
                .isEqualTo(AnalysisFixtures.JSON.valueToTree(AnalysisSchema.SCHEMA));
        assertThat(body.at("/temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.at("/max_tokens").asInt()).isEqualTo(1_500);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).doesNotContain("additionalProperties");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText())
                .contains("[2025-10-18T00:00:00Z] User: Message number 0 of the chat.")
                .contains("[2025-10-18T00:01:00Z] Elena: Message number 1 of the chat.");
    }

    @Test
    void turnsAValidAnswerIntoAWindowAnalysis() {
        List<Message> messages = conversation(12);
        stubs.willReturn(LlmStubs.completion(
                answer().confidence(0.95)
                        .tone("negative")
                        .fact("Portland", "location", "lives_in", 0.9)
                        .preference("preferred_name", "Mark", 0.95, true)
                        .json(),
                700,
                120));

        WindowAnalysis analysis = analyzer().analyze(window(messages));

        assertThat(analysis.summary()).isEqualTo(AnalysisFixtures.VALID_SUMMARY);
        assertThat(analysis.keyTopics()).containsExactly("moving to Portland", "hiking");
        assertThat(analysis.emotionalTone()).as("no labels: the model's tone").isEqualTo("negative");
        assertThat(analysis.confidenceScore())
                .as("12 messages cap confidence at 0.8")
                .isEqualTo(0.8);
        int totalChars = messages.stream().mapToInt(m -> m.content().length()).sum();
        assertThat(analysis.compressionRatio())
                .isEqualTo((double) AnalysisFixtures.VALID_SUMMARY.length() / totalChars);
        assertThat(analysis.facts())
                .containsExactly(new NewFact("Portland", "location", "lives_in", 0.9, "The user said so."));
        assertThat(analysis.preferences())
                .containsExactly(
                        new NewPreference("preferred_name", "Mark", 0.95, true, false, "The user asked for it."));
        assertThat(analysis.summaryType()).isEqualTo("time_window");
        assertThat(analysis.model()).isEqualTo("test/model");
        assertThat(analysis.promptVersion()).isEqualTo(LlmWindowAnalyzer.PROMPT_VERSION);
        assertThat(analysis.inputHash())
                .matches("[0-9a-f]{64}")
                .isEqualTo(InputHash.of(LlmWindowAnalyzer.PROMPT_VERSION, "test/model", messages));
        assertThat(analysis.llmCalls()).isEqualTo(1);
        assertThat(analysis.promptTokens()).isEqualTo(700);
        assertThat(analysis.completionTokens()).isEqualTo(120);
    }

    @Test
    void keepsTheModelsConfidenceBelowTheCap() {
        stubs.willAnswer(answer().confidence(0.5).json());

        WindowAnalysis analysis = analyzer().analyze(window(conversation(25)));

        assertThat(analysis.confidenceScore()).isEqualTo(0.5);
    }

    @Test
    void derivesTheToneFromEmotionLabelsOverTheModels() {
        stubs.willAnswer(answer().tone("negative").json());
        List<Message> messages = new ArrayList<>(conversation(5));
        messages.add(message(10, Role.USER, "I got the job!", "joy"));
        messages.add(message(11, Role.ASSISTANT, "That is wonderful news.", "love"));
        messages.add(message(12, Role.USER, "The commute annoys me though.", "anger"));

        WindowAnalysis analysis = analyzer().analyze(window(messages));

        assertThat(analysis.emotionalTone()).isEqualTo("positive");
    }

    @Test
    void retriesAnInvalidAnswerOnceWithTheValidationErrorInThePrompt() {
        stubs.willReturnInOrder(
                LlmStubs.completion("Sure! Here is the analysis you asked for", 100, 10),
                LlmStubs.completion(answer().json(), 120, 50));

        WindowAnalysis analysis = analyzer().analyze(window(conversation(6)));

        assertThat(analysis.summary()).isEqualTo(AnalysisFixtures.VALID_SUMMARY);
        assertThat(analysis.llmCalls()).isEqualTo(2);
        assertThat(analysis.promptTokens()).isEqualTo(220);
        assertThat(analysis.completionTokens()).isEqualTo(60);
        List<JsonNode> bodies = stubs.requestBodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).at("/messages/1/content").asText()).doesNotContain("rejected");
        assertThat(bodies.get(1).at("/messages/1/content").asText())
                .contains("Your previous answer was rejected: the answer is not valid JSON");
    }

    @Test
    void failsWithoutBlamingTheLlmWhenTheAnswerIsInvalidTwice() {
        stubs.willAnswer(answer().without("facts").json());

        AnalysisFailedException failure = catchThrowableOfType(
                AnalysisFailedException.class, () -> analyzer().analyze(window(conversation(6))));

        assertThat(failure.llmUnavailable()).isFalse();
        assertThat(failure)
                .hasMessageContaining("validation twice")
                .hasMessageContaining("facts")
                .hasMessageNotContaining("Message number");
        assertThat(stubs.requestCount()).isEqualTo(2);
        assertThat(stubs.requestBodies().get(1).at("/messages/1/content").asText())
                .contains("required field facts is missing");
    }

    @Test
    void failsWhenTheSummaryIsShorterThanFortyCharacters() {
        stubs.willAnswer(answer().summary("The user said hello to Elena.").json());

        AnalysisFailedException failure = catchThrowableOfType(
                AnalysisFailedException.class, () -> analyzer().analyze(window(conversation(6))));

        assertThat(failure.llmUnavailable()).isFalse();
        assertThat(failure).hasMessageContaining("shorter than 40 characters").hasMessageNotContaining("said hello");
    }

    @Test
    void dropsIndividuallyInvalidFactsAndKeepsTheValidOnes() {
        stubs.willAnswer(answer().fact("Portland", "location", "lives_in", 0.9)
                .fact("spaceship", "vehicle", "owns", 0.9)
                .fact("chess", "hobby", "is_obsessed_with", 0.9)
                .fact("nursing", "occupation", "works_as", 1.4)
                .fact("  ", "hobby", "likes", 0.8)
                .fact("x".repeat(201), "other", "likes", 0.8)
                .fact("Luna", "pet", "owns", 0.9)
                .preference("favourite_colour", "blue", 0.9, true)
                .preference("pronouns", "they/them", 0.9, true)
                .json());

        WindowAnalysis analysis = analyzer().analyze(window(conversation(6)));

        assertThat(analysis.facts()).extracting(NewFact::entityName).containsExactly("Portland", "Luna");
        assertThat(analysis.preferences()).extracting(NewPreference::type).containsExactly("pronouns");
        assertThat(analysis.llmCalls())
                .as("dropping items is not a reason to ask again")
                .isEqualTo(1);
    }

    @Test
    void fallsBackToJsonObjectWhenTheProviderRejectsJsonSchemaAndRemembersIt() {
        wireMock.stubFor(post(urlPathEqualTo(LlmStubs.CHAT_PATH))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .willReturn(LlmStubs.responseFormatRejected()));
        wireMock.stubFor(post(urlPathEqualTo(LlmStubs.CHAT_PATH))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
                .willReturn(LlmStubs.completion(answer().json(), 10, 5)));
        LlmWindowAnalyzer analyzer = analyzer();

        WindowAnalysis first = analyzer.analyze(window(conversation(6)));
        WindowAnalysis second = analyzer.analyze(window(conversation(8)));

        List<JsonNode> bodies = stubs.requestBodies();
        assertThat(bodies)
                .extracting(body -> body.at("/response_format/type").asText())
                .containsExactly("json_schema", "json_object", "json_object");
        assertThat(bodies.get(1).at("/messages/1/content"))
                .isEqualTo(bodies.get(0).at("/messages/1/content"));
        assertThat(bodies.get(1).at("/messages/0/content").asText())
                .contains("JSON Schema")
                .contains(AnalysisSchema.SCHEMA_JSON);
        assertThat(bodies.get(2).at("/messages/0/content").asText()).contains(AnalysisSchema.SCHEMA_JSON);
        assertThat(first.summary()).isEqualTo(AnalysisFixtures.VALID_SUMMARY);
        assertThat(first.llmCalls()).isEqualTo(2);
        assertThat(second.llmCalls()).isEqualTo(1);
    }

    @Test
    void keepsUsingJsonSchemaWhenJsonObjectIsRejectedToo() {
        stubs.willReturn(LlmStubs.error(400, "Prompt is too long"));
        LlmWindowAnalyzer analyzer = analyzer();

        AnalysisFailedException failure =
                catchThrowableOfType(AnalysisFailedException.class, () -> analyzer.analyze(window(conversation(6))));
        catchThrowableOfType(AnalysisFailedException.class, () -> analyzer.analyze(window(conversation(6))));

        assertThat(failure.llmUnavailable()).isTrue();
        assertThat(stubs.requestBodies())
                .extracting(body -> body.at("/response_format/type").asText())
                .containsExactly("json_schema", "json_object", "json_schema", "json_object");
    }

    @Test
    void failsAsLlmUnavailableWhenServerErrorsOutlastTheRetries() {
        stubs.willReturn(LlmStubs.serverError(500));

        AnalysisFailedException failure = catchThrowableOfType(
                AnalysisFailedException.class, () -> analyzer(1).analyze(window(conversation(6))));

        assertThat(failure.llmUnavailable()).isTrue();
        assertThat(failure.getCause()).isInstanceOf(LlmException.class);
        assertThat(((LlmException) failure.getCause()).kind()).isEqualTo(LlmException.Kind.SERVER_ERROR);
        assertThat(failure).hasMessageNotContaining("Message number");
        assertThat(stubs.requestCount())
                .as("one try and one retry by the client")
                .isEqualTo(2);
    }

    @Test
    void acceptsAnAnswerWrappedInAJsonFence() {
        stubs.willAnswer("```json\n" + answer().json() + "\n```");

        WindowAnalysis analysis = analyzer().analyze(window(conversation(6)));

        assertThat(analysis.summary()).isEqualTo(AnalysisFixtures.VALID_SUMMARY);
        assertThat(analysis.llmCalls()).isEqualTo(1);
    }

    @Test
    void describesItselfWithTheConfiguredModel() {
        assertThat(analyzer().description()).isEqualTo("LLM (test/model)");
    }
}
