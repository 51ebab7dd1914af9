package dev.enrichment.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.llm.LlmException.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

/**
 * Calls the OpenAI-compatible chat API: a SmallRye Fault Tolerance timeout per attempt and retries of 429, 5xx,
 * timeouts and transport errors after the wait {@link RetryAfterBackoff} picks, a process-wide concurrency limit and
 * token and cost accounting. Blocking; knows nothing about what it is asked.
 */
@ApplicationScoped
public class LlmClient {

    private final LlmConfig config;
    private final ChatCompletionsClient api;
    private final ReplyReader reader;
    private final TypedGuard<ChatCompletion> retry;
    private final TypedGuard<Response> timeout;
    private final Semaphore permits;
    private final UsageLedger ledger;

    @Inject
    public LlmClient(LlmConfig config, MeterRegistry registry, Clock clock) {
        this(
                config,
                registry,
                clock,
                new RetryAfterBackoff(config.initialBackoff(), config.maxBackoff(), RetryAfterBackoff.RANDOM_JITTER));
    }

    LlmClient(LlmConfig config, MeterRegistry registry, Clock clock, CustomBackoffStrategy backoff) {
        this.config = config;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.apiUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Only a limit on silence, which also ends a connection abandoned by the timeout below.
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                // Whatever quarkus.rest-client.logging.scope says: requests carry the key and the prompt.
                .loggingScope(LoggingScope.NONE)
                .build(ChatCompletionsClient.class);
        this.reader = new ReplyReader(clock);
        this.retry = TypedGuard.create(ChatCompletion.class)
                .withRetry()
                .maxRetries(config.maxRetries())
                // No overall limit (MicroProfile's default is 180 s): each attempt has its timeout, each wait its cap.
                .maxDuration(0, ChronoUnit.MILLIS)
                .whenException(failure -> failure instanceof LlmException llm && llm.retryable())
                .withCustomBackoff()
                .strategy(() -> failure -> retrying((LlmException) failure, backoff.nextDelayInMillis(failure)))
                .done()
                .done()
                .build();
        // OpenRouter commits to a 200 before the model has finished (errors during generation arrive in that 200
        // body), so bytes can keep coming long before the answer is complete: the whole exchange is bounded here.
        this.timeout = TypedGuard.create(Response.class)
                .withTimeout()
                .duration(config.readTimeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
        // Fair, so a call that has waited long is not overtaken again and again while the provider is slow.
        this.permits = new Semaphore(config.maxConcurrency(), true);
        this.ledger = new UsageLedger(registry);
    }

    /** False when no API key is configured: {@link #complete} would fail with {@link Kind#NOT_CONFIGURED}. */
    public boolean isConfigured() {
        return config.apiKey().filter(key -> !key.isBlank()).isPresent();
    }

    /** The model used when a request names none ({@code LLM_CHAT_MODEL}). */
    public String defaultModel() {
        return config.model();
    }

    /**
     * Sends the request, retrying transient failures, and returns the first choice's answer.
     *
     * @throws LlmException for every failure, after the retries
     */
    public ChatCompletion complete(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        ledger.called();
        String model = request.model() != null ? request.model() : config.model();
        if (!isConfigured()) {
            LlmException failure = new LlmException(
                    Kind.NOT_CONFIGURED,
                    "LLM call not made: no API key is configured (LLM_CHAT_API_KEY or OPENROUTER_API_KEY)",
                    null,
                    null,
                    0,
                    null,
                    null);
            ledger.failed(failure.kind());
            Log.debugf("LLM call not made for model %s: no API key configured", model);
            throw failure;
        }
        String body = body(request, model);
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        ChatCompletion completion;
        try {
            completion = retry.call(() -> attempt(body, model, attempts));
        } catch (LlmException e) {
            throw failed(e, model, started);
        } catch (InterruptedException e) {
            // SmallRye Fault Tolerance ends the retries with this when interrupted during an attempt or a wait.
            Thread.currentThread().interrupt();
            throw failed(
                    new LlmException(
                            Kind.INTERRUPTED,
                            LlmException.describe(Kind.INTERRUPTED, null, attempts.get()),
                            null,
                            null,
                            attempts.get(),
                            null,
                            e),
                    model,
                    started);
        } catch (Exception e) {
            throw e instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
        }
        ledger.succeeded(completion);
        TokenUsage usage = completion.usage();
        Log.debugf(
                "LLM call succeeded: model=%s attempts=%d prompt_tokens=%d completion_tokens=%d "
                        + "finish_reason=%s request_id=%s duration_ms=%d",
                completion.model(),
                completion.attempts(),
                usage.promptTokens(),
                usage.completionTokens(),
                completion.finishReason(),
                completion.requestId(),
                elapsedMillis(started));
        return completion;
    }

    /** Totals since start; the same figures are published as {@code llm.*} meters. */
    public UsageTotals usage() {
        return ledger.totals();
    }

    /** One HTTP attempt; the permit is held for the exchange only, not while waiting to retry. */
    private ChatCompletion attempt(String body, String model, AtomicInteger attempts) throws Exception {
        permits.acquire();
        try {
            int attempt = attempts.incrementAndGet();
            ledger.attempted();
            Log.debugf("LLM attempt %d/%d: model=%s", attempt, config.maxRetries() + 1, model);
            Response response;
            try {
                response = timeout.call(() -> post(body, attempt));
            } catch (org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException e) {
                throw timeout(
                        attempt,
                        "no complete answer within " + config.readTimeout().toMillis() + " ms",
                        e);
            }
            Log.debugf(
                    "LLM attempt %d/%d: model=%s status=%d",
                    attempt, config.maxRetries() + 1, model, response.getStatus());
            return reader.read(response, model, attempt);
        } finally {
            permits.release();
        }
    }

    private Response post(String body, int attempt) throws InterruptedException {
        CompletableFuture<Response> pending =
                api.post("Bearer " + config.apiKey().orElseThrow(), body).subscribeAsCompletionStage();
        try {
            return pending.get();
        } catch (InterruptedException e) {
            // The timeout interrupts this thread. Cancelling resets the connection: the answer must not run on.
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw transportFailure(attempt, e.getCause() == null ? e : e.getCause());
        }
    }

    /** Called by SmallRye Fault Tolerance just before it waits to retry. */
    private long retrying(LlmException failure, long delayMillis) {
        ledger.retried(failure.kind());
        Log.infof(
                "LLM attempt %d/%d failed: kind=%s status=%s retry_after=%s; retrying in %d ms",
                failure.attempts(),
                config.maxRetries() + 1,
                failure.kind(),
                status(failure),
                failure.retryAfter().map(wait -> wait.toMillis() + "ms").orElse("-"),
                delayMillis);
        return delayMillis;
    }

    private LlmException transportFailure(int attempt, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectTimeoutException) {
                return timeout(
                        attempt,
                        "no connection within " + config.connectTimeout().toMillis() + " ms",
                        failure);
            }
            if (cause instanceof TimeoutException) {
                return timeout(
                        attempt, "no answer within " + config.readTimeout().toMillis() + " ms", failure);
            }
        }
        String reason = failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new LlmException(
                Kind.TRANSPORT,
                LlmException.describe(Kind.TRANSPORT, null, attempt) + ": " + reason,
                null,
                null,
                attempt,
                null,
                failure);
    }

    private static LlmException timeout(int attempt, String reason, Throwable cause) {
        return new LlmException(
                Kind.TIMEOUT,
                LlmException.describe(Kind.TIMEOUT, null, attempt) + ": " + reason,
                null,
                null,
                attempt,
                null,
                cause);
    }

    private static String body(ChatRequest request, String model) {
        return body(WireJson.MAPPER, request, model);
    }

    /** The request as the provider reads it; {@code json} is a parameter so a test can watch what Jackson meets. */
    static String body(ObjectMapper json, ChatRequest request, String model) {
        try {
            return json.writeValueAsString(OpenAiChatRequest.from(request, model));
        } catch (JsonProcessingException e) {
            // Only a response-format schema holding values Jackson cannot write gets here; no message text is quoted.
            throw new IllegalArgumentException("chat request cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private LlmException failed(LlmException failure, String model, long started) {
        ledger.failed(failure.kind());
        Log.warnf(
                "LLM call failed: model=%s kind=%s status=%s attempts=%d duration_ms=%d%s",
                model,
                failure.kind(),
                status(failure),
                failure.attempts(),
                elapsedMillis(started),
                failure.providerMessage()
                        .map(message -> " provider_message=" + message)
                        .orElse(""));
        return failure;
    }

    private static String status(LlmException failure) {
        return failure.httpStatus().isPresent()
                ? String.valueOf(failure.httpStatus().getAsInt())
                : "-";
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
