package dev.enrichment.search;

import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

/**
 * Embeddings from an OpenAI-compatible API, with the chat client's discipline: a SmallRye Fault Tolerance timeout per
 * attempt, retries of 429, 5xx, timeouts and transport errors (waiting the server's {@code Retry-After}, else an
 * exponential backoff with jitter, capped), and a process-wide limit of requests in flight, held per attempt only.
 */
final class ApiEmbedder implements Embedder {

    private final SearchConfig config;
    private final String model;
    private final EmbeddingsApi api;
    private final TypedGuard<List<float[]>> retry;
    private final TypedGuard<Response> timeout;
    private final Semaphore permits;

    ApiEmbedder(SearchConfig config) {
        this.config = config;
        URI url = config.embeddingsApiUrl()
                .orElseThrow(
                        () -> new IllegalStateException("EMBEDDINGS_API_URL is required with EMBEDDINGS_PROVIDER=api"));
        this.model = config.embeddingsModel()
                .filter(name -> !name.isBlank())
                .orElseThrow(
                        () -> new IllegalStateException("EMBEDDINGS_MODEL is required with EMBEDDINGS_PROVIDER=api"));
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(config.embeddingsConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.embeddingsReadTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                // requests carry the key and the summaries' text
                .loggingScope(LoggingScope.NONE)
                .build(EmbeddingsApi.class);
        @SuppressWarnings("unchecked")
        Class<List<float[]>> vectors = (Class<List<float[]>>) (Class<?>) List.class;
        this.retry = TypedGuard.create(vectors)
                .withRetry()
                .maxRetries(config.embeddingsMaxRetries())
                .maxDuration(0, ChronoUnit.MILLIS)
                .whenException(failure -> failure instanceof AttemptFailure attempt && attempt.retryable())
                .withCustomBackoff()
                .strategy(() -> failure -> delayMillis((AttemptFailure) failure))
                .done()
                .done()
                .build();
        this.timeout = TypedGuard.create(Response.class)
                .withTimeout()
                .duration(config.embeddingsReadTimeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
        this.permits = new Semaphore(config.embeddingsMaxConcurrency(), true);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        EmbeddingsRequest body = new EmbeddingsRequest(
                model, texts, config.embeddingsDimensions().orElse(null));
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retry.call(() -> attempt(body, texts.size(), attempts));
        } catch (AttemptFailure e) {
            throw new EmbeddingException(e.getMessage(), e.retryable(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("embedding interrupted", true, e);
        } catch (Exception e) {
            throw new EmbeddingException("embedding failed: " + e.getMessage(), true, e);
        }
    }

    @Override
    public String modelName() {
        return "api/" + model;
    }

    private List<float[]> attempt(EmbeddingsRequest body, int expected, AtomicInteger attempts) throws Exception {
        permits.acquire();
        try {
            int attempt = attempts.incrementAndGet();
            Response response;
            try {
                response = timeout.call(() -> post(body, attempt));
            } catch (org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException e) {
                throw new AttemptFailure(
                        attempt,
                        "no answer within " + config.embeddingsReadTimeout().toMillis() + " ms",
                        true,
                        Optional.empty());
            }
            try (response) {
                return read(response, expected, attempt);
            }
        } finally {
            permits.release();
        }
    }

    private Response post(EmbeddingsRequest body, int attempt) throws InterruptedException {
        String authorization = config.embeddingsApiKey()
                .filter(key -> !key.isBlank())
                .map(key -> "Bearer " + key)
                .orElse(null);
        CompletableFuture<Response> pending = api.post(authorization, body).subscribeAsCompletionStage();
        try {
            return pending.get();
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AttemptFailure(
                    attempt, "transport error: " + cause.getClass().getSimpleName(), true, Optional.empty());
        }
    }

    private static List<float[]> read(Response response, int expected, int attempt) {
        int status = response.getStatus();
        if (status != 200) {
            boolean retryable = status == 429 || status >= 500;
            throw new AttemptFailure(attempt, "HTTP " + status, retryable, retryAfter(response));
        }
        EmbeddingsResponse answer = response.readEntity(EmbeddingsResponse.class);
        if (answer == null || answer.data() == null || answer.data().size() != expected) {
            throw new AttemptFailure(attempt, "the answer does not hold one vector per input", false, Optional.empty());
        }
        List<float[]> vectors = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            vectors.add(null);
        }
        for (EmbeddingsResponse.Item item : answer.data()) {
            if (item.index() < 0
                    || item.index() >= expected
                    || item.embedding() == null
                    || item.embedding().length == 0) {
                throw new AttemptFailure(attempt, "the answer holds an unusable vector", false, Optional.empty());
            }
            vectors.set(item.index(), item.embedding());
        }
        if (vectors.contains(null)) {
            throw new AttemptFailure(attempt, "the answer misses a vector", false, Optional.empty());
        }
        return vectors;
    }

    private static Optional<Duration> retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            // an HTTP date: rare for these APIs, and the exponential backoff is a fine stand-in
            return Optional.empty();
        }
    }

    private long delayMillis(AttemptFailure failure) {
        Duration max = config.embeddingsMaxBackoff();
        long millis;
        if (failure.retryAfter.isPresent()) {
            millis = Math.min(failure.retryAfter.get().toMillis(), max.toMillis());
        } else {
            double exponential = config.embeddingsInitialBackoff().toMillis() * Math.pow(2, failure.attempt - 1);
            double capped = Math.min(exponential, max.toMillis());
            // equal jitter: waits still grow, clients that failed together spread out
            millis = Math.round(capped / 2 + ThreadLocalRandom.current().nextDouble() * capped / 2);
        }
        Log.infof(
                "Embeddings attempt %d failed (%s); retrying in %d ms", failure.attempt, failure.getMessage(), millis);
        return millis;
    }

    /** One failed attempt, as the retry guard sees it. */
    private static final class AttemptFailure extends RuntimeException {
        final int attempt;
        final boolean retryable;
        final Optional<Duration> retryAfter;

        AttemptFailure(int attempt, String message, boolean retryable, Optional<Duration> retryAfter) {
            super("embeddings API attempt " + attempt + ": " + message);
            this.attempt = attempt;
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        boolean retryable() {
            return retryable;
        }
    }
}
