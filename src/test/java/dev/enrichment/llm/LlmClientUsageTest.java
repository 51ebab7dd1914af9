package dev.enrichment.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.llm.LlmException.Kind;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LlmClientUsageTest {

    @RegisterExtension
    static final WireMockExtension wireMock = LlmClientFixture.wireMock();

    private static final ChatRequest REQUEST = ChatRequest.of(ChatMessage.user("Hello"));

    private final LlmClientFixture fixture = new LlmClientFixture();
    private final LlmStubs stubs = LlmStubs.on(wireMock);

    @Test
    void accumulatesCallsAttemptsTokensAndFailures() {
        LlmClient client = fixture.client(TestLlmConfig.forWireMock(wireMock.baseUrl()));
        stubs.willReturnInOrder(
                LlmStubs.completion("one", 100, 20),
                LlmStubs.rateLimited("0"),
                LlmStubs.completion("two", 50, 7),
                LlmStubs.responseFormatRejected());

        client.complete(REQUEST);
        client.complete(REQUEST);
        catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));

        UsageTotals totals = client.usage();
        assertThat(totals.calls()).isEqualTo(3);
        assertThat(totals.succeeded()).isEqualTo(2);
        assertThat(totals.failed()).isEqualTo(1);
        assertThat(totals.attempts()).isEqualTo(4);
        assertThat(totals.promptTokens()).isEqualTo(150);
        assertThat(totals.completionTokens()).isEqualTo(27);
        assertThat(totals.totalTokens()).isEqualTo(177);
        assertThat(totals.failuresByKind()).isEqualTo(Map.of(Kind.CLIENT_ERROR, 1L));
    }

    @Test
    void publishesTokensOutcomesAndRetriesAsMeters() {
        LlmClient client = fixture.client(TestLlmConfig.forWireMock(wireMock.baseUrl()));
        stubs.willReturnInOrder(
                LlmStubs.serverError(502), LlmStubs.completion("one", 100, 20), LlmStubs.responseFormatRejected());

        client.complete(REQUEST);
        catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));

        assertThat(count("llm.tokens", "type", "prompt")).isEqualTo(100);
        assertThat(count("llm.tokens", "type", "completion")).isEqualTo(20);
        assertThat(count("llm.requests", "outcome", "success")).isEqualTo(1);
        assertThat(count("llm.requests", "outcome", "client_error")).isEqualTo(1);
        assertThat(count("llm.requests", "outcome", "timeout")).isZero();
        assertThat(count("llm.retries", "reason", "server_error")).isEqualTo(1);
    }

    @Test
    void addsUpTheCostTheProviderReports() {
        LlmClient client = fixture.client(TestLlmConfig.forWireMock(wireMock.baseUrl()));
        stubs.willReturn(aResponse().withStatus(200).withBody("""
                {"choices":[{"message":{"content":"hi"}}],
                 "usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12,"cost":0.25}}
                """));

        client.complete(REQUEST);
        client.complete(REQUEST);

        assertThat(client.usage().cost()).isEqualTo(0.5);
        assertThat(fixture.registry.get("llm.cost").counter().count()).isEqualTo(0.5);
    }

    @Test
    void countsACallMadeWithoutAKeyAsNotConfigured() {
        LlmClient client =
                fixture.client(TestLlmConfig.forWireMock(wireMock.baseUrl()).withApiKey(null));

        catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));

        assertThat(client.usage().failuresByKind()).isEqualTo(Map.of(Kind.NOT_CONFIGURED, 1L));
        assertThat(client.usage().attempts()).isZero();
        assertThat(count("llm.requests", "outcome", "not_configured")).isEqualTo(1);
    }

    private double count(String name, String tag, String value) {
        return fixture.registry.get(name).tag(tag, value).counter().count();
    }
}
