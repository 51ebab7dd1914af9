package dev.enrichment.llm;

import dev.enrichment.testsupport.llm.LlmWireMockResource;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** An {@link LlmConfig} for plain unit tests, pointed at a WireMock base URL plus OpenRouter's {@code /api/v1}. */
record TestLlmConfig(
        URI apiUrl,
        Optional<String> apiKey,
        String model,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxConcurrency)
        implements LlmConfig {

    @Override
    public double pricePerMillionPromptTokens() {
        return 3.0;
    }

    @Override
    public double pricePerMillionCompletionTokens() {
        return 15.0;
    }

    static TestLlmConfig forWireMock(String baseUrl) {
        return new TestLlmConfig(
                URI.create(baseUrl + LlmWireMockResource.BASE_PATH),
                Optional.of(LlmWireMockResource.API_KEY),
                LlmWireMockResource.MODEL,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(100),
                Duration.ofSeconds(60),
                4);
    }

    TestLlmConfig withApiUrl(URI url) {
        return new TestLlmConfig(
                url,
                apiKey,
                model,
                connectTimeout,
                readTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxConcurrency);
    }

    TestLlmConfig withApiKey(String key) {
        return new TestLlmConfig(
                apiUrl,
                Optional.ofNullable(key),
                model,
                connectTimeout,
                readTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                maxConcurrency);
    }

    TestLlmConfig withReadTimeout(Duration timeout) {
        return new TestLlmConfig(
                apiUrl, apiKey, model, connectTimeout, timeout, maxRetries, initialBackoff, maxBackoff, maxConcurrency);
    }

    TestLlmConfig withMaxRetries(int retries) {
        return new TestLlmConfig(
                apiUrl,
                apiKey,
                model,
                connectTimeout,
                readTimeout,
                retries,
                initialBackoff,
                maxBackoff,
                maxConcurrency);
    }

    TestLlmConfig withMaxBackoff(Duration backoff) {
        return new TestLlmConfig(
                apiUrl,
                apiKey,
                model,
                connectTimeout,
                readTimeout,
                maxRetries,
                initialBackoff,
                backoff,
                maxConcurrency);
    }

    TestLlmConfig withMaxConcurrency(int concurrency) {
        return new TestLlmConfig(
                apiUrl,
                apiKey,
                model,
                connectTimeout,
                readTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                concurrency);
    }
}
