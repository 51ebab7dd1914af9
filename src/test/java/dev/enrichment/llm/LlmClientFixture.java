package dev.enrichment.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What the LLM client tests share: a pinned clock, recorded backoff waits, a fixed jitter and a meter registry. */
final class LlmClientFixture {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Jitter in the middle of its range: each backoff wait is exactly 3/4 of the exponential value. */
    static final double JITTER = 0.5;

    final RecordingBackoff backoff = new RecordingBackoff();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    LlmClient client(LlmConfig config) {
        return new LlmClient(
                config,
                registry,
                CLOCK,
                backoff.around(new RetryAfterBackoff(config.initialBackoff(), config.maxBackoff(), () -> JITTER)));
    }
}
