package dev.enrichment.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LlmClientRequestTest {

    @RegisterExtension
    static final WireMockExtension wireMock = LlmClientFixture.wireMock();

    private final LlmClientFixture fixture = new LlmClientFixture();
    private final LlmStubs stubs = LlmStubs.on(wireMock);

    @Test
    void marksACachedSystemPromptWithCacheControlForAnthropicAndGeminiOnly() {
        stubs.willAnswer("{\"ok\":true}");
        ChatRequest request = ChatRequest.of(ChatMessage.system("Fixed instructions."), ChatMessage.user("Hi"))
                .withCachedSystemPrompt();

        client().complete(request.withModel("anthropic/claude-sonnet-4.5"));
        client().complete(request.withModel("google/gemini-2.5-pro"));
        client().complete(request.withModel("openai/gpt-4o-mini"));

        for (JsonNode body : stubs.requestBodies().subList(0, 2)) {
            assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("Fixed instructions.");
            assertThat(body.at("/messages/0/content/0/type").asText()).isEqualTo("text");
            assertThat(body.at("/messages/0/content/0/cache_control/type").asText())
                    .isEqualTo("ephemeral");
            assertThat(body.at("/messages/1/content").asText()).isEqualTo("Hi");
        }
        assertThat(stubs.requestBodies().get(2).at("/messages/0/content").asText())
                .as("OpenAI-family models cache a stable prefix by themselves")
                .isEqualTo("Fixed instructions.");
    }

    @Test
    void postsOpenAiRequestUnderTheConfiguredBasePath() throws Exception {
        stubs.willAnswer("{\"ok\":true}");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("summary", Map.of("type", "string")));
        schema.put("required", List.of("summary"));
        schema.put("additionalProperties", false);
        ChatRequest request = ChatRequest.of(ChatMessage.system("You summarise."), ChatMessage.user("Hello there"))
                .withTemperature(0.2)
                .withMaxTokens(800)
                .withResponseFormat(ResponseFormat.jsonSchema("conversation_summary", schema, true));

        client().complete(request);

        List<LoggedRequest> sent = stubs.requests();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getUrl()).isEqualTo("/api/v1/chat/completions");
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer test-llm-key");
        assertThat(sent.get(0).getHeader("Content-Type")).startsWith("application/json");
        assertThat(stubs.requestBodies().get(0)).isEqualTo(new ObjectMapper().readTree("""
                {
                  "model": "test/model",
                  "messages": [
                    {"role": "system", "content": "You summarise."},
                    {"role": "user", "content": "Hello there"}
                  ],
                  "temperature": 0.2,
                  "max_tokens": 800,
                  "response_format": {
                    "type": "json_schema",
                    "json_schema": {
                      "name": "conversation_summary",
                      "strict": true,
                      "schema": {
                        "type": "object",
                        "properties": {"summary": {"type": "string"}},
                        "required": ["summary"],
                        "additionalProperties": false
                      }
                    }
                  }
                }
                """));
    }

    @Test
    void leavesUnsetOptionsOutOfTheBody() {
        stubs.willAnswer("hi");

        client().complete(ChatRequest.of(ChatMessage.user("Hello")));

        JsonNode body = stubs.requestBodies().get(0);
        assertThat(body.fieldNames()).toIterable().containsExactly("model", "messages");
    }

    @Test
    void sendsJsonObjectResponseFormat() {
        stubs.willAnswer("{}");

        client().complete(ChatRequest.of(ChatMessage.user("Hello")).withResponseFormat(ResponseFormat.jsonObject()));

        assertThat(stubs.requestBodies().get(0).get("response_format").toString())
                .isEqualTo("{\"type\":\"json_object\"}");
    }

    @Test
    void usesTheRequestedModelOverTheConfiguredOne() {
        stubs.willAnswer("hi");

        client().complete(ChatRequest.of(ChatMessage.user("Hello")).withModel("openai/gpt-4o-mini"));

        assertThat(stubs.requestBodies().get(0).get("model").asText()).isEqualTo("openai/gpt-4o-mini");
    }

    @Test
    void appendsChatCompletionsToTheBaseUrlWithOrWithoutTrailingSlash() {
        stubs.willAnswer("hi");
        TestLlmConfig config = TestLlmConfig.forWireMock(wireMock.baseUrl());

        fixture.client(config.withApiUrl(URI.create(wireMock.baseUrl() + "/api/v1/")))
                .complete(ChatRequest.of(ChatMessage.user("Hello")));
        fixture.client(config.withApiUrl(URI.create(wireMock.baseUrl() + "/api/v1")))
                .complete(ChatRequest.of(ChatMessage.user("Hello")));

        assertThat(stubs.requests())
                .extracting(LoggedRequest::getUrl)
                .containsExactly("/api/v1/chat/completions", "/api/v1/chat/completions");
    }

    private LlmClient client() {
        return fixture.client(TestLlmConfig.forWireMock(wireMock.baseUrl()));
    }
}
