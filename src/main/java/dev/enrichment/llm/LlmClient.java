package dev.enrichment.llm;

import dev.enrichment.llm.LlmException.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;

/**
 * Calls the OpenAI-compatible chat API: timeouts, retries on 429/5xx/timeouts honouring {@code Retry-After}, a
 * process-wide concurrency limit and token and cost accounting. Blocking; knows nothing about what it is asked.
 */
@ApplicationScoped
public class LlmClient {

    private final LlmConfig config;
    private final ChatCompletionsApi api;
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
        this.api = new ChatCompletionsApi(config);
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
        String body = ChatCompletionsApi.body(request, model);
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
            HttpResponse<String> response = api.post(body, config.apiKey().orElseThrow(), attempt);
            Log.debugf("LLM attempt %d/%d: model=%s status=%d", attempt, maxAttempts, model, response.statusCode());
            return reader.read(response, model, attempt);
        } finally {
            permits.release();
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
