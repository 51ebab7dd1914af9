package dev.enrichment.testsupport.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stubs for the OpenAI-compatible {@code POST /api/v1/chat/completions}, shaped like OpenRouter's answers, plus
 * access to the requests the code under test sent.
 */
public final class LlmStubs {

    public static final String CHAT_PATH = LlmWireMockResource.BASE_PATH + "/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private final Stubbing wireMock;

    private LlmStubs(Stubbing wireMock) {
        this.wireMock = wireMock;
    }

    /** Works with a {@code WireMockServer} ({@link LlmWireMockResource#server()}) or a JUnit {@code WireMockExtension}. */
    public static LlmStubs on(Stubbing wireMock) {
        return new LlmStubs(wireMock);
    }

    /** Every call gets this answer. */
    public LlmStubs willReturn(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlPathEqualTo(CHAT_PATH)).willReturn(response));
        return this;
    }

    /** Calls get these answers in turn; the last one repeats. */
    public LlmStubs willReturnInOrder(ResponseDefinitionBuilder... responses) {
        String scenario = "llm-sequence-" + UNIQUE.incrementAndGet();
        for (int i = 0; i < responses.length; i++) {
            var mapping = post(urlPathEqualTo(CHAT_PATH))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                mapping = mapping.willSetStateTo("step-" + (i + 1));
            }
            wireMock.stubFor(mapping);
        }
        return this;
    }

    /** Every call succeeds with this content and 10 prompt / 5 completion tokens. */
    public LlmStubs willAnswer(String content) {
        return willReturn(completion(content, 10, 5));
    }

    /** The requests sent to the chat endpoint, oldest first. */
    public List<LoggedRequest> requests() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(CHAT_PATH)));
    }

    /** The JSON bodies of {@link #requests()}. */
    public List<JsonNode> requestBodies() {
        return requests().stream()
                .map(request -> readJson(request.getBodyAsString()))
                .toList();
    }

    public int requestCount() {
        return requests().size();
    }

    /** A 200 chat completion with this content and token usage. */
    public static ResponseDefinitionBuilder completion(String content, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "gen-test-" + UNIQUE.incrementAndGet());
        body.put("object", "chat.completion");
        body.put("created", 1_767_225_600L);
        body.put("model", LlmWireMockResource.MODEL);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("finish_reason", "stop");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return json(200, body);
    }

    /** 429 with {@code Retry-After} (seconds or an HTTP date), as OpenRouter sends when rate limited. */
    public static ResponseDefinitionBuilder rateLimited(String retryAfter) {
        return error(429, "Rate limit exceeded: test/model").withHeader("Retry-After", retryAfter);
    }

    /** 429 without {@code Retry-After}: the client falls back to its own backoff. */
    public static ResponseDefinitionBuilder rateLimited() {
        return error(429, "Rate limit exceeded: test/model");
    }

    /** 500, 502 or 503 with an OpenRouter-style error body. */
    public static ResponseDefinitionBuilder serverError(int status) {
        return error(status, "Upstream provider error");
    }

    /** 400 as a provider answers a {@code response_format} it does not support. */
    public static ResponseDefinitionBuilder responseFormatRejected() {
        return error(400, "Provider returned error: response_format json_schema is not supported by this model");
    }

    /** {@code {"error":{"message":...,"code":status}}} with that status. */
    public static ResponseDefinitionBuilder error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("code", status);
        return json(status, body);
    }

    /** 200 whose body is not JSON. */
    public static ResponseDefinitionBuilder malformed() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad gateway</body></html>");
    }

    /** 200 chat completion without choices. */
    public static ResponseDefinitionBuilder emptyChoices() {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "gen-test-empty");
        body.put("model", LlmWireMockResource.MODEL);
        body.putArray("choices");
        return json(200, body);
    }

    /** A completion that takes {@code delay} to arrive; longer than the read timeout, it times out. */
    public static ResponseDefinitionBuilder slow(Duration delay, String content) {
        return completion(content, 10, 5).withFixedDelay(Math.toIntExact(delay.toMillis()));
    }

    /** The connection is reset before any answer. */
    public static ResponseDefinitionBuilder connectionReset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    private static ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString());
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
