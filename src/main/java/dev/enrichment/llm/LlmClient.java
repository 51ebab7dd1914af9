package dev.enrichment.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.enrichment.llm.LlmException.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ConnectTimeoutException;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

/**
 * Calls the OpenAI-compatible chat API: timeouts, retries on 429/5xx/timeouts honouring {@code Retry-After}, a
 * process-wide concurrency limit and token and cost accounting. Blocking; knows nothing about what it is asked.
 */
@ApplicationScoped
public class LlmClient {

    private final LlmConfig config;
    private final ChatCompletionsClient api;
    private final ReplyReader reader;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Semaphore permits;
    private final UsageLedger ledger;

    @Inject
    public LlmClient(LlmConfig config, MeterRegistry registry, Clock clock) {
        this(config, registry, clock, Sleeper.THREAD, RetryPolicy.randomJitter());
    }

    LlmClient(LlmConfig config, MeterRegistry registry, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
        this.config = config;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.apiUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // An idle limit only; the whole exchange is bounded below.
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                // Whatever quarkus.rest-client.logging.scope says: requests carry the key and the prompt.
                .loggingScope(LoggingScope.NONE)
                .build(ChatCompletionsClient.class);
        this.reader = new ReplyReader(clock);
        this.retryPolicy = new RetryPolicy(config.initialBackoff(), config.maxBackoff(), jitter);
        this.sleeper = sleeper;
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
            LlmException failure = new LlmException(Kind.NOT_CONFIGURED,
                    "LLM call not made: no API key is configured (LLM_CHAT_API_KEY or OPENROUTER_API_KEY)", null,
                    null, 0, null, null);
            ledger.failed(failure.kind());
            Log.debugf("LLM call not made for model %s: no API key configured", model);
            throw failure;
        }
        String body = body(request, model);
        int maxAttempts = config.maxRetries() + 1;
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            LlmException failure;
            try {
                ChatCompletion completion = attempt(body, model, attempt, maxAttempts);
                ledger.succeeded(completion);
                TokenUsage usage = completion.usage();
                Log.debugf("LLM call succeeded: model=%s attempts=%d prompt_tokens=%d completion_tokens=%d "
                                + "finish_reason=%s request_id=%s duration_ms=%d",
                        completion.model(), attempt, usage.promptTokens(), usage.completionTokens(),
                        completion.finishReason(), completion.requestId(), elapsedMillis(started));
                return completion;
            } catch (LlmException e) {
                failure = e;
            }
            if (!failure.retryable() || attempt >= maxAttempts) {
                throw failed(failure, model, started);
            }
            Duration delay = retryPolicy.delayAfter(attempt, failure.retryAfter());
            ledger.retried(failure.kind());
            Log.infof("LLM attempt %d/%d failed: model=%s kind=%s status=%s retry_after=%s; retrying in %d ms",
                    attempt, maxAttempts, model, failure.kind(), status(failure),
                    failure.retryAfter().map(wait -> wait.toMillis() + "ms").orElse("-"), delay.toMillis());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                throw failed(interrupted(attempt, e), model, started);
            }
        }
    }

    /** Totals since start; the same figures are published as {@code llm.*} meters. */
    public UsageTotals usage() {
        return ledger.totals();
    }

    private ChatCompletion attempt(String body, String model, int attempt, int maxAttempts) {
        acquirePermit(attempt);
        try {
            ledger.attempted();
            Log.debugf("LLM attempt %d/%d: model=%s", attempt, maxAttempts, model);
            Response response = exchange(body, attempt);
            Log.debugf("LLM attempt %d/%d: model=%s status=%d", attempt, maxAttempts, model, response.getStatus());
            return reader.read(response, model, attempt);
        } finally {
            permits.release();
        }
    }

    private Response exchange(String body, int attempt) {
        CompletableFuture<Response> pending =
                api.post("Bearer " + config.apiKey().orElseThrow(), body).subscribeAsCompletionStage();
        // The client's read timeout only limits the silence between bytes. OpenRouter commits to a 200 before the
        // model has finished (errors during generation arrive in that 200 body), so bytes can keep coming long before
        // the answer is complete: the whole exchange is bounded here.
        try {
            return pending.get(config.readTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(attempt, "no complete answer within " + config.readTimeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw transportFailure(attempt, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw interrupted(attempt, e);
        }
    }

    private LlmException transportFailure(int attempt, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectTimeoutException) {
                return timeout(attempt, "no connection within " + config.connectTimeout().toMillis() + " ms", failure);
            }
            if (cause instanceof TimeoutException) {
                return timeout(attempt, "no complete answer within " + config.readTimeout().toMillis() + " ms",
                        failure);
            }
        }
        String reason = failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new LlmException(Kind.TRANSPORT, LlmException.describe(Kind.TRANSPORT, null, attempt) + ": " + reason,
                null, null, attempt, null, failure);
    }

    private static LlmException timeout(int attempt, String reason, Throwable cause) {
        return new LlmException(Kind.TIMEOUT, LlmException.describe(Kind.TIMEOUT, null, attempt) + ": " + reason, null,
                null, attempt, null, cause);
    }

    private static String body(ChatRequest request, String model) {
        try {
            return WireJson.MAPPER.writeValueAsString(OpenAiChatRequest.from(request, model));
        } catch (JsonProcessingException e) {
            // Only a response-format schema holding values Jackson cannot write gets here; no message text is quoted.
            throw new IllegalArgumentException("chat request cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private void acquirePermit(int attempt) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            throw interrupted(attempt - 1, e);
        }
    }

    private LlmException failed(LlmException failure, String model, long started) {
        ledger.failed(failure.kind());
        Log.warnf("LLM call failed: model=%s kind=%s status=%s attempts=%d duration_ms=%d%s", model, failure.kind(),
                status(failure), failure.attempts(), elapsedMillis(started),
                failure.providerMessage().map(message -> " provider_message=" + message).orElse(""));
        return failure;
    }

    private static LlmException interrupted(int attempts, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new LlmException(Kind.INTERRUPTED, LlmException.describe(Kind.INTERRUPTED, null, attempts), null,
                null, attempts, null, cause);
    }

    private static String status(LlmException failure) {
        return failure.httpStatus().isPresent() ? String.valueOf(failure.httpStatus().getAsInt()) : "-";
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
