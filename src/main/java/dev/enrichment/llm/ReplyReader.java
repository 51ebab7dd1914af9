package dev.enrichment.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.llm.LlmException.Kind;
import dev.enrichment.llm.OpenAiChatResponse.Choice;
import dev.enrichment.llm.OpenAiChatResponse.Usage;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Turns one HTTP answer into a {@link ChatCompletion} or the {@link LlmException} that describes it. */
final class ReplyReader {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final BigDecimal LONGEST = BigDecimal.valueOf(Long.MAX_VALUE);

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

    ChatCompletion read(Response response, String requestedModel, int attempt) {
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        if (status < 200 || status > 299) {
            throw failure(kindOf(status), status, errorMessage(body), attempt, response);
        }
        JsonNode root = parse(body, status, attempt);
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            // OpenRouter reports errors that happen after generation started inside a 200 answer.
            Integer code =
                    error.path("code").canConvertToInt() ? error.path("code").asInt() : null;
            Kind kind = code == null || (code >= 200 && code <= 299) ? Kind.SERVER_ERROR : kindOf(code);
            throw failure(kind, code, text(error.get("message")), attempt, response);
        }
        OpenAiChatResponse answer = shape(root, status, attempt);
        if (answer.choices() == null || answer.choices().isEmpty()) {
            throw malformed("the answer has no choices", status, attempt);
        }
        Choice choice = answer.choices().get(0);
        String content = choice.message() == null ? null : choice.message().content();
        if (content == null || content.isBlank()) {
            throw malformed("the answer has no content (finish_reason " + choice.finishReason() + ")", status, attempt);
        }
        String requestId = answer.id() != null ? answer.id() : response.getHeaderString("x-request-id");
        return new ChatCompletion(
                content,
                answer.model() != null ? answer.model() : requestedModel,
                choice.finishReason(),
                usage(answer.usage()),
                answer.usage() == null ? null : answer.usage().cost(),
                requestId,
                attempt);
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

    private LlmException failure(Kind kind, Integer status, String providerMessage, int attempt, Response response) {
        Duration retryAfter = retryAfter(response::getHeaderString, clock).orElse(null);
        return new LlmException(
                kind, LlmException.describe(kind, status, attempt), status, providerMessage, attempt, retryAfter, null);
    }

    /** The wait the server asks for: {@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(UnaryOperator<String> header, Clock clock) {
        // retry-after-ms is what OpenAI sends for sub-second waits; its SDKs prefer it over Retry-After.
        String millis = Objects.toString(header.apply("retry-after-ms"), "").strip();
        if (NUMBER.matcher(millis).matches()) {
            return Optional.of(nanos(new BigDecimal(millis).movePointRight(6)));
        }
        String value = Objects.toString(header.apply("retry-after"), "").strip();
        if (NUMBER.matcher(value).matches()) {
            return Optional.of(nanos(new BigDecimal(value).movePointRight(9)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration nanos(BigDecimal nanos) {
        return nanos.compareTo(LONGEST) >= 0 ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos(nanos.longValue());
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
        return new LlmException(
                Kind.MALFORMED_RESPONSE,
                LlmException.describe(Kind.MALFORMED_RESPONSE, status, attempt) + ": " + reason,
                status,
                null,
                attempt,
                null,
                null);
    }
}
