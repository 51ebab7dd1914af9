package dev.enrichment.llm;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OpenAI-compatible {@code POST <llm.api-url>/chat/completions} exchange. Package-private: {@link LlmClient}
 * decorates it with retries, the concurrency limit and accounting; nothing else should call it.
 */
final class ChatCompletionsApi {

    private final HttpClient http;
    private final URI endpoint;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    ChatCompletionsApi(LlmConfig config) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // Plain HTTP/1.1: no h2c upgrade dance with local stubs or proxies; one connection per call in flight.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.endpoint = endpoint(config.apiUrl());
        this.connectTimeout = config.connectTimeout();
        this.readTimeout = config.readTimeout();
    }

    /** {@code <base>/chat/completions}, keeping the base path ({@code /api/v1} on OpenRouter). */
    static URI endpoint(URI apiUrl) {
        String base = apiUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/chat/completions");
    }

    static String body(ChatRequest request, String model) {
        return body(WireJson.MAPPER, request, model);
    }

    /** The mapper is a parameter so that NativeReflectionTest can watch which of our types it writes. */
    static String body(ObjectMapper json, ChatRequest request, String model) {
        try {
            return json.writeValueAsString(OpenAiChatRequest.from(request, model));
        } catch (JsonProcessingException e) {
            // Only a response-format schema holding values Jackson cannot write gets here; no message text is quoted.
            throw new IllegalArgumentException("chat request cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** Sends one request and returns the answer whatever its status; throws only when no answer arrived. */
    HttpResponse<String> post(String body, String apiKey, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8))
                .build();
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        // The request timeout above only covers the wait for the response headers. OpenRouter commits to a 200 before
        // the model has finished (errors during generation arrive in that 200 body), so headers can come long before
        // the answer: the whole exchange is bounded here.
        try {
            return pending.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(attempt, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timeout(attempt, cause);
            }
            String reason = cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            throw new LlmException(LlmException.Kind.TRANSPORT,
                    LlmException.describe(LlmException.Kind.TRANSPORT, null, attempt) + ": " + reason,
                    null, null, attempt, null, cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.INTERRUPTED,
                    LlmException.describe(LlmException.Kind.INTERRUPTED, null, attempt), null, null, attempt, null, e);
        }
    }

    private LlmException timeout(int attempt, Throwable cause) {
        String reason = cause instanceof HttpConnectTimeoutException
                ? "no connection within " + connectTimeout.toMillis() + " ms"
                : "no complete answer within " + readTimeout.toMillis() + " ms";
        return new LlmException(LlmException.Kind.TIMEOUT,
                LlmException.describe(LlmException.Kind.TIMEOUT, null, attempt) + ": " + reason,
                null, null, attempt, null, cause);
    }
}
