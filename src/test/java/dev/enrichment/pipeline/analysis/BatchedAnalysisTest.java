package dev.enrichment.pipeline.analysis;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.AnalysisInput;
import dev.enrichment.pipeline.WindowAnalyzer.BatchResult;
import dev.enrichment.pipeline.WindowAnalyzer.PromptEstimate;
import dev.enrichment.pipeline.WindowAnalyzer.WindowSize;
import dev.enrichment.testsupport.llm.AnalysisEcho;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several windows of one user in one call: one call, one analysis each, bad parts retried alone, the budget kept. */
@QuarkusTest
class BatchedAnalysisTest {

    private static final Instant DAY_ONE = Instant.parse("2025-10-14T00:00:00Z");

    @RegisterExtension
    static final WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new AnalysisEcho()))
            .build();

    private final LlmStubs stubs = LlmStubs.on(wireMock);

    private LlmWindowAnalyzer analyzer(int maxInputTokens) {
        return new LlmWindowAnalyzer(AnalysisFixtures.client(wireMock.baseUrl(), 0), maxInputTokens);
    }

    @Test
    void analysesSeveralWindowsInOneCallEachWithItsOwnAnalysis() {
        stubs.willReturn(AnalysisEcho.answers());
        List<AnalysisInput> windows = days(4, 8);

        List<BatchResult> results = analyzer(12_000).analyzeAll(windows);

        assertThat(stubs.requestCount()).isEqualTo(1);
        JsonNode body = stubs.requestBodies().get(0);
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("window_analyses");
        assertThat(body.at("/max_tokens").asInt()).isEqualTo(4 * AnalysisCaller.MAX_TOKENS);
        assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r.failure()).isNull());
        for (int i = 0; i < 4; i++) {
            String day = DAY_ONE.plus(Duration.ofDays(i)).toString().substring(0, 10);
            assertThat(results.get(i).analysis().summary()).contains(day);
            assertThat(results.get(i).analysis().facts())
                    .singleElement()
                    .satisfies(f -> assertThat(f.entityName()).isEqualTo("plan " + day));
        }
        assertThat(results.stream().mapToLong(r -> r.analysis().promptTokens()).sum())
                .as("the call's tokens are shared out, none lost")
                .isEqualTo(wireMockPromptTokens());
    }

    @Test
    void retriesAWindowWhosePartIsInvalidAloneAndKeepsTheOthers() {
        stubs.willReturn(AnalysisEcho.answersCorrupting("w2"));
        List<AnalysisInput> windows = days(3, 8);

        List<BatchResult> results = analyzer(12_000).analyzeAll(windows);

        assertThat(stubs.requestCount()).isEqualTo(2);
        JsonNode retry = stubs.requestBodies().get(1);
        assertThat(retry.at("/response_format/json_schema/name").asText()).isEqualTo("window_analysis");
        assertThat(retry.at("/messages/1/content").asText()).contains("messages from 2025-10-15T00:00:00Z");
        assertThat(results).allSatisfy(r -> assertThat(r.analysis()).isNotNull());
        assertThat(results.get(1).analysis().summary()).contains("2025-10-15");
    }

    @Test
    void anUnreachableLlmFailsEveryWindowOfTheBatchWithoutAskingWindowByWindow() {
        stubs.willReturn(LlmStubs.serverError(503));

        List<BatchResult> results = analyzer(12_000).analyzeAll(days(3, 8));

        assertThat(stubs.requestCount()).isEqualTo(1);
        assertThat(results)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.failure())
                        .isInstanceOfSatisfying(
                                AnalysisFailedException.class,
                                f -> assertThat(f.llmUnavailable()).isTrue()));
    }

    @Test
    void aSingleWindowIsAnalysedWithTheSingleWindowPrompt() {
        stubs.willReturn(AnalysisEcho.answers());

        List<BatchResult> results = analyzer(12_000).analyzeAll(days(1, 8));

        assertThat(stubs.requestBodies())
                .singleElement()
                .satisfies(body -> assertThat(
                                body.at("/response_format/json_schema/name").asText())
                        .isEqualTo("window_analysis"));
        assertThat(results.get(0).analysis().summary()).contains("2025-10-14");
    }

    @Test
    void splitsTheBatchWhereTheInputBudgetEnds() {
        stubs.willReturn(AnalysisEcho.answers());
        List<AnalysisInput> windows = days(4, 40);
        long oneWindow = windows.get(0).messages().stream()
                        .mapToLong(m -> analyzer(12_000).transcriptChars("elena", m))
                        .sum()
                + AnalysisPrompts.BATCH_HEADING_RESERVE_CHARS;
        // Room for two windows per call and a little more, not for three.
        int budgetTokens =
                (int) ((AnalysisPrompts.batchFixedChars() + 2 * oneWindow + 100) / TranscriptChunker.CHARS_PER_TOKEN);

        List<BatchResult> results = analyzer(budgetTokens).analyzeAll(windows);

        assertThat(stubs.requestCount()).isEqualTo(2);
        for (JsonNode body : stubs.requestBodies()) {
            int chars = body.at("/messages/0/content").asText().length()
                    + body.at("/messages/1/content").asText().length();
            assertThat(chars).isLessThanOrEqualTo(budgetTokens * TranscriptChunker.CHARS_PER_TOKEN);
        }
        assertThat(results).allSatisfy(r -> assertThat(r.analysis()).isNotNull());
    }

    @Test
    void estimatesThePromptTokensTheCallsUse() {
        stubs.willReturn(AnalysisEcho.answers());
        List<AnalysisInput> windows = days(5, 10);
        LlmWindowAnalyzer analyzer = analyzer(12_000);
        List<WindowSize> sizes = new ArrayList<>();
        for (AnalysisInput input : windows) {
            long chars = input.messages().stream()
                    .mapToLong(m -> analyzer.transcriptChars("elena", m))
                    .sum();
            sizes.add(new WindowSize(
                    input.windowStart(), input.windowEnd(), input.messages().size(), chars));
        }

        PromptEstimate estimate = analyzer.estimate("elena", sizes, 8);
        analyzer.analyzeAll(windows);

        assertThat(estimate.calls()).isEqualTo(stubs.requestCount());
        assertThat((double) estimate.promptTokens()).isCloseTo(wireMockPromptTokens(), withinPercent(2));
    }

    @Test
    void marksTheSystemPromptForTheCacheOnlyForModelsThatNeedIt() {
        stubs.willReturn(AnalysisEcho.answers());

        analyzer(12_000).analyzeAll(days(2, 8));

        assertThat(stubs.requestBodies().get(0).at("/messages/0/content").isTextual())
                .as("test/model caches by itself (as OpenAI-family models do): the text goes as it is")
                .isTrue();
    }

    /** The prompt tokens the stub reported, over every call it answered. */
    private static long wireMockPromptTokens() {
        return wireMock.getAllServeEvents().stream()
                .mapToLong(e -> readJson(e.getResponse().getBodyAsString())
                        .at("/usage/prompt_tokens")
                        .asLong())
                .sum();
    }

    private static JsonNode readJson(String body) {
        try {
            return AnalysisFixtures.JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.assertj.core.data.Percentage withinPercent(double percent) {
        return org.assertj.core.data.Percentage.withPercentage(percent);
    }

    /** {@code count} consecutive days of one user, each with {@code messages} messages of about 60 characters. */
    static List<AnalysisInput> days(int count, int messages) {
        List<AnalysisInput> windows = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            Instant start = DAY_ONE.plus(Duration.ofDays(d));
            List<Message> day = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                day.add(new Message(
                        "point-" + d + "-" + i,
                        "elena",
                        "user-1",
                        i % 2 == 0 ? Role.USER : Role.ASSISTANT,
                        "On day " + d + " this is message " + i + ", about the garden, the cat and the exam.",
                        start.plusSeconds(600L * i),
                        null,
                        false));
            }
            windows.add(new AnalysisInput("elena", "user-1", start, start.plus(Duration.ofDays(1)), day));
        }
        return windows;
    }
}
