package dev.enrichment.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.llm.LlmException.Kind;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LlmClientResponseTest {

    @RegisterExtension
    static final WireMockExtension wireMock = LlmClientFixture.wireMock();

    private static final ChatRequest REQUEST = ChatRequest.of(ChatMessage.user("Hello"));

    private final LlmClientFixture fixture = new LlmClientFixture();
    private final LlmStubs stubs = LlmStubs.on(wireMock);

    @Test
    void readsContentModelFinishReasonUsageCostAndGenerationId() {
        stubs.willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                {"id":"gen-123","model":"anthropic/claude-sonnet-4.5","object":"chat.completion",
                 "choices":[{"index":0,"finish_reason":"length",
                             "message":{"role":"assistant","content":"{\\"summary\\":\\"x\\"}","refusal":null}}],
                 "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150,"cost":0.00042,
                          "prompt_tokens_details":{"cached_tokens":0}}}
                """));

        ChatCompletion completion = client().complete(REQUEST);

        assertThat(completion.content()).isEqualTo("{\"summary\":\"x\"}");
        assertThat(completion.model()).isEqualTo("anthropic/claude-sonnet-4.5");
        assertThat(completion.finishReason()).isEqualTo("length");
        assertThat(completion.usage()).isEqualTo(new TokenUsage(120, 30, 150));
        assertThat(completion.cost()).isEqualTo(0.00042);
        assertThat(completion.requestId()).isEqualTo("gen-123");
        assertThat(completion.attempts()).isEqualTo(1);
    }

    @Test
    void takesTheRequestIdHeaderAndZeroUsageWhenTheBodyHasNeither() {
        stubs.willReturn(aResponse()
                .withStatus(200)
                .withHeader("x-request-id", "req-789")
                .withBody("""
                {"choices":[{"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}
                """));

        ChatCompletion completion = client().complete(REQUEST);

        assertThat(completion.requestId()).isEqualTo("req-789");
        assertThat(completion.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(completion.cost()).isNull();
        assertThat(completion.model()).isEqualTo("test/model");
    }

    @Test
    void failsAsMalformedWithoutRetryWhenTheBodyIsNotJson() {
        stubs.willReturn(LlmStubs.malformed());

        LlmException failure = failureOf(REQUEST);

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).doesNotContain("Bad gateway");
        assertThat(stubs.requestCount()).isEqualTo(1);
    }

    @Test
    void failsAsMalformedWhenThereAreNoChoices() {
        stubs.willReturn(LlmStubs.emptyChoices());

        assertThat(failureOf(REQUEST).kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void failsAsMalformedWhenTheContentIsEmpty() {
        stubs.willReturn(LlmStubs.completion("  ", 10, 0));

        LlmException failure = failureOf(REQUEST);

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).contains("no content");
    }

    @Test
    void treatsAnErrorInsideAnOkAnswerAsAProviderFailureAndRetriesIt() {
        stubs.willReturnInOrder(aResponse().withStatus(200).withBody("""
                        {"id":"gen-1","choices":[],"error":{"code":502,"message":"Upstream stream broke"}}
                        """), LlmStubs.completion("recovered", 10, 5));

        ChatCompletion completion = client().complete(REQUEST);

        assertThat(completion.content()).isEqualTo("recovered");
        assertThat(completion.attempts()).isEqualTo(2);
    }

    @Test
    void reportsTheCodeOfAnErrorInsideAnOkAnswer() {
        stubs.willReturn(aResponse().withStatus(200).withBody("""
                {"error":{"code":503,"message":"No provider available"}}
                """));

        LlmException failure = catchThrowableOfType(
                LlmException.class,
                () -> fixture.client(
                                TestLlmConfig.forWireMock(wireMock.baseUrl()).withMaxRetries(0))
                        .complete(REQUEST));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.httpStatus()).hasValue(503);
        assertThat(failure.providerMessage()).hasValue("No provider available");
    }

    private LlmException failureOf(ChatRequest request) {
        LlmException failure = catchThrowableOfType(LlmException.class, () -> client().complete(request));
        assertThat(failure).as("LlmException").isNotNull();
        return failure;
    }

    private LlmClient client() {
        return fixture.client(TestLlmConfig.forWireMock(wireMock.baseUrl()));
    }
}
