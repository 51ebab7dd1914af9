package dev.enrichment.llm;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The OpenAI-compatible chat API ({@code LLM_*} variables); OpenRouter by default. */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {

    /** {@code LLM_CHAT_API_URL}: base URL; requests go to {@code <url>/chat/completions}. */
    URI apiUrl();

    /** {@code LLM_CHAT_API_KEY}, else {@code OPENROUTER_API_KEY}. Without a key no LLM call is made. */
    Optional<String> apiKey();

    /** {@code LLM_CHAT_MODEL}. */
    @NotBlank(message = "LLM_CHAT_MODEL must not be blank")
    String model();

    /** {@code LLM_CONNECT_TIMEOUT}. */
    Duration connectTimeout();

    /** {@code LLM_READ_TIMEOUT}: how long one answer may take. */
    Duration readTimeout();

    /** {@code LLM_MAX_RETRIES}: further attempts after a 429, a 5xx or a transport error. */
    @Min(value = 0, message = "LLM_MAX_RETRIES must be between 0 and 10")
    @Max(value = 10, message = "LLM_MAX_RETRIES must be between 0 and 10")
    int maxRetries();

    /** {@code LLM_INITIAL_BACKOFF}: first retry delay, doubled at each attempt unless the server says otherwise. */
    Duration initialBackoff();

    /** {@code LLM_MAX_BACKOFF}: no single wait, {@code Retry-After} included, is longer than this. */
    Duration maxBackoff();

    /** {@code LLM_MAX_CONCURRENCY}: calls in flight at once across the whole process. */
    @Min(value = 1, message = "LLM_MAX_CONCURRENCY must be between 1 and 64")
    @Max(value = 64, message = "LLM_MAX_CONCURRENCY must be between 1 and 64")
    int maxConcurrency();

    /** {@code LLM_PRICE_PER_MILLION_PROMPT_TOKENS}: for cost estimates and the estimated-cost metric. */
    @Min(value = 0, message = "LLM_PRICE_PER_MILLION_PROMPT_TOKENS must be 0 or more")
    double pricePerMillionPromptTokens();

    /** {@code LLM_PRICE_PER_MILLION_COMPLETION_TOKENS}: for cost estimates and the estimated-cost metric. */
    @Min(value = 0, message = "LLM_PRICE_PER_MILLION_COMPLETION_TOKENS must be 0 or more")
    double pricePerMillionCompletionTokens();
}
