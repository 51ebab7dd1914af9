package dev.enrichment.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.llm.LlmException.Kind;
import dev.enrichment.llm.OpenAiChatResponse.Choice;
import dev.enrichment.llm.OpenAiChatResponse.Usage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** Turns one HTTP answer into a {@link ChatCompletion} or the {@link LlmException} that describes it. */
final class ReplyReader {

    private final Clock clock;
    private final ObjectMapper json;

    ReplyReader(Clock clock) {
        this(clock, WireJson.MAPPER);
    }

    /** The mapper is a parameter so that NativeReflectionTest can watch which of our types it reads. */
    ReplyReader(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    ChatCompletion read(HttpResponse<String> response, String requestedModel, int attempt) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw failure(kindOf(status), status, errorMessage(response.body()), attempt, response);
        }
        JsonNode root = parse(response.body(), status, attempt);
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            // OpenRouter reports errors that happen after generation started inside a 200 answer.
            Integer code = error.path("code").canConvertToInt() ? error.path("code").asInt() : null;
            Kind kind = code == null || (code >= 200 && code <= 299) ? Kind.SERVER_ERROR : kindOf(code);
            throw failure(kind, code, text(error.get("message")), attempt, response);
        }
        OpenAiChatResponse body = shape(root, status, attempt);
        if (body.choices() == null || body.choices().isEmpty()) {
            throw malformed("the answer has no choices", status, attempt);
        }
        Choice choice = body.choices().get(0);
        String content = choice.message() == null ? null : choice.message().content();
        if (content == null || content.isBlank()) {
            throw malformed("the answer has no content (finish_reason " + choice.finishReason() + ")", status,
                    attempt);
        }
        String requestId = body.id() != null ? body.id() : response.headers().firstValue("x-request-id").orElse(null);
        return new ChatCompletion(content, body.model() != null ? body.model() : requestedModel,
                choice.finishReason(), usage(body.usage()), body.usage() == null ? null : body.usage().cost(),
                requestId, attempt);
    }

    private static Kind kindOf(int status) {
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status == 408) {
            return Kind.TIMEOUT;
        }
        return status >= 500 ? Kind.SERVER_ERROR : Kind.CLIENT_ERROR;
    }

    private LlmException failure(Kind kind, Integer status, String providerMessage, int attempt,
            HttpResponse<String> response) {
        Duration retryAfter = RetryAfterHeader.parse(response.headers(), clock).orElse(null);
        return new LlmException(kind, LlmException.describe(kind, status, attempt), status, providerMessage, attempt,
                retryAfter, null);
    }

    /** Only {@code error.message}: OpenRouter's {@code error.metadata} can quote the flagged input. */
    private String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return text(json.readTree(body).path("error").get("message"));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private JsonNode parse(String body, int status, int attempt) {
        try {
            JsonNode root = body == null ? null : json.readTree(body);
            if (root == null || !root.isObject()) {
                throw malformed("the answer is not a JSON object", status, attempt);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed("the answer is not JSON", status, attempt);
        }
    }

    private OpenAiChatResponse shape(JsonNode root, int status, int attempt) {
        try {
            return json.treeToValue(root, OpenAiChatResponse.class);
        } catch (JsonProcessingException e) {
            throw malformed("the answer does not have the chat completion shape", status, attempt);
        }
    }

    private static TokenUsage usage(Usage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        long prompt = usage.promptTokens() == null ? 0 : usage.promptTokens();
        long completion = usage.completionTokens() == null ? 0 : usage.completionTokens();
        long total = usage.totalTokens() == null ? prompt + completion : usage.totalTokens();
        return new TokenUsage(prompt, completion, total);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static LlmException malformed(String reason, int status, int attempt) {
        return new LlmException(Kind.MALFORMED_RESPONSE,
                LlmException.describe(Kind.MALFORMED_RESPONSE, status, attempt) + ": " + reason, status, null,
                attempt, null, null);
    }
}
