package dev.enrichment.search;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Embeddings and the summary search index ({@code EMBEDDINGS_*}); the index's collection name is
 * {@code ENRICHMENT_SEARCH_COLLECTION} in {@code QdrantConfig}, because the conversation reader must know it too.
 */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** {@code EMBEDDINGS_PROVIDER}: {@code local} (in-process all-MiniLM-L6-v2), {@code api} or {@code off}. */
    EmbeddingsProvider embeddingsProvider();

    /** {@code EMBEDDINGS_API_URL}: base URL of an OpenAI-compatible API; {@code /embeddings} is appended. */
    Optional<URI> embeddingsApiUrl();

    /** {@code EMBEDDINGS_API_KEY}; sent as a bearer token when set. */
    Optional<String> embeddingsApiKey();

    /** {@code EMBEDDINGS_MODEL}: the model the API is asked for. */
    Optional<String> embeddingsModel();

    /** {@code EMBEDDINGS_DIMENSIONS}: asked of the API when set (models that can shorten their vectors). */
    Optional<@Min(value = 1, message = "EMBEDDINGS_DIMENSIONS must be at least 1") Integer> embeddingsDimensions();

    /** {@code EMBEDDINGS_CONNECT_TIMEOUT}. */
    Duration embeddingsConnectTimeout();

    /** {@code EMBEDDINGS_READ_TIMEOUT}: the limit of one attempt. */
    Duration embeddingsReadTimeout();

    /** {@code EMBEDDINGS_MAX_RETRIES}: retries of 429, 5xx, timeouts and transport errors. */
    @Min(value = 0, message = "EMBEDDINGS_MAX_RETRIES must be from 0 to 10")
    @Max(value = 10, message = "EMBEDDINGS_MAX_RETRIES must be from 0 to 10")
    int embeddingsMaxRetries();

    /** {@code EMBEDDINGS_INITIAL_BACKOFF}: first wait before a retry, doubled per retry. */
    Duration embeddingsInitialBackoff();

    /** {@code EMBEDDINGS_MAX_BACKOFF}: the longest wait before a retry, also the cap on {@code Retry-After}. */
    Duration embeddingsMaxBackoff();

    /** {@code EMBEDDINGS_MAX_CONCURRENCY}: embedding requests in flight at once, process-wide. */
    @Min(value = 1, message = "EMBEDDINGS_MAX_CONCURRENCY must be at least 1")
    int embeddingsMaxConcurrency();

    /** Summaries embedded and upserted per batch by the indexing step. */
    @Min(value = 1, message = "search.batch-size must be at least 1")
    int batchSize();

    /** How long a claimed outbox entry is left to one worker before another may take it. */
    Duration lease();

    /** {@code ENRICHMENT_SEARCH_RETRY_BACKOFF}: wait after a failed indexing attempt, doubled per failure. */
    Duration retryBackoff();

    /** {@code ENRICHMENT_SEARCH_MAX_RETRY_BACKOFF}: the longest wait between indexing attempts. */
    Duration maxRetryBackoff();

    /** Where embeddings come from. */
    enum EmbeddingsProvider {
        LOCAL,
        API,
        OFF
    }
}
