package dev.enrichment.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.llm.LlmException.Kind;
import dev.enrichment.testsupport.LogCapture;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LlmClientRetryTest {

    @RegisterExtension
    static final WireMockExtension wireMock = LlmClientFixture.wireMock();

    private static final ChatRequest REQUEST = ChatRequest.of(ChatMessage.user("Hello"));

    private final LlmClientFixture fixture = new LlmClientFixture();
    private final LlmStubs stubs = LlmStubs.on(wireMock);
    private final TestLlmConfig config = TestLlmConfig.forWireMock(wireMock.baseUrl());

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void retriesAfterRetryAfterSeconds() {
        stubs.willReturnInOrder(LlmStubs.rateLimited("3"), LlmStubs.completion("done", 10, 5));

        ChatCompletion completion = fixture.client(config).complete(REQUEST);

        assertThat(completion.content()).isEqualTo("done");
        assertThat(completion.attempts()).isEqualTo(2);
        assertThat(fixture.backoff.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(stubs.requestCount()).isEqualTo(2);
    }

    @Test
    void retriesAfterRetryAfterHttpDate() {
        String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                LlmClientFixture.NOW.plusSeconds(7).atZone(ZoneOffset.UTC));
        stubs.willReturnInOrder(LlmStubs.rateLimited(inSevenSeconds), LlmStubs.completion("done", 10, 5));

        fixture.client(config).complete(REQUEST);

        assertThat(fixture.backoff.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void neverWaitsLongerThanMaxBackoffEvenWhenRetryAfterSaysSo() {
        stubs.willReturnInOrder(LlmStubs.rateLimited("120"), LlmStubs.completion("done", 10, 5));

        fixture.client(config.withMaxBackoff(Duration.ofSeconds(5))).complete(REQUEST);

        assertThat(fixture.backoff.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void honoursRetryAfterOnServerErrorsToo() {
        stubs.willReturnInOrder(
                LlmStubs.serverError(503).withHeader("Retry-After", "2"), LlmStubs.completion("done", 10, 5));

        fixture.client(config).complete(REQUEST);

        assertThat(fixture.backoff.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void backsOffExponentiallyOnServerErrorsThenSucceeds() {
        stubs.willReturnInOrder(
                LlmStubs.serverError(500),
                LlmStubs.serverError(502),
                LlmStubs.rateLimited(),
                LlmStubs.completion("done", 10, 5));

        ChatCompletion completion = fixture.client(config).complete(REQUEST);

        assertThat(completion.attempts()).isEqualTo(4);
        // initial backoff 100 ms, doubled per attempt, times 3/4 for the pinned jitter
        assertThat(fixture.backoff.waits())
                .containsExactly(Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(300));
    }

    @Test
    void failsWithServerErrorWhenRetriesAreExhausted() {
        stubs.willReturn(LlmStubs.serverError(503));

        LlmException failure = failureOf(fixture.client(config.withMaxRetries(2)));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.httpStatus()).hasValue(503);
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.retryable()).isTrue();
        assertThat(stubs.requestCount()).isEqualTo(3);
        assertThat(fixture.backoff.waits()).hasSize(2);
    }

    @Test
    void failsAsRateLimitedWhenEveryAttemptGets429() {
        stubs.willReturn(LlmStubs.rateLimited("1"));

        LlmException failure = failureOf(fixture.client(config));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.httpStatus()).hasValue(429);
        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(fixture.backoff.waits())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void doesNotRetryABadRequestAndExposesStatusAndProviderMessage() {
        stubs.willReturn(LlmStubs.responseFormatRejected());

        LlmException failure = failureOf(fixture.client(config));

        assertThat(failure.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.httpStatus()).hasValue(400);
        assertThat(failure.providerMessage())
                .hasValueSatisfying(
                        message -> assertThat(message).contains("response_format json_schema is not supported"));
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(stubs.requestCount()).isEqualTo(1);
        assertThat(fixture.backoff.waits()).isEmpty();
    }

    @Test
    void timesOutASlowAnswerAndRetriesIt() {
        stubs.willReturnInOrder(LlmStubs.slow(Duration.ofSeconds(5), "late"), LlmStubs.completion("on time", 10, 5));

        // Generous enough for the fast answer on a cold, busy JVM; the slow one still misses it by far.
        ChatCompletion completion =
                fixture.client(config.withReadTimeout(Duration.ofSeconds(1))).complete(REQUEST);

        assertThat(completion.content()).isEqualTo("on time");
        assertThat(completion.attempts()).isEqualTo(2);
    }

    @Test
    void failsWithTimeoutWhenEveryAnswerIsTooSlow() {
        stubs.willReturn(LlmStubs.slow(Duration.ofSeconds(3), "late"));
        long started = System.nanoTime();

        LlmException failure = failureOf(
                fixture.client(config.withReadTimeout(Duration.ofMillis(300)).withMaxRetries(1)));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void retriesAfterTheConnectionIsReset() {
        stubs.willReturnInOrder(LlmStubs.connectionReset(), LlmStubs.completion("done", 10, 5));

        ChatCompletion completion;
        try (LogCapture vertx = expectedConnectionResets()) {
            completion = fixture.client(config).complete(REQUEST);
        }

        assertThat(completion.attempts()).isEqualTo(2);
    }

    @Test
    void failsWithTransportErrorWhenTheConnectionKeepsBreaking() {
        stubs.willReturn(LlmStubs.connectionReset());

        LlmException failure;
        try (LogCapture vertx = expectedConnectionResets()) {
            failure = failureOf(fixture.client(config.withMaxRetries(1)));
        }

        assertThat(failure.kind()).isEqualTo(Kind.TRANSPORT);
        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(failure.getCause()).isNotNull();
    }

    @Test
    void failsAsNotConfiguredWithoutSendingAnythingWhenThereIsNoKey() {
        stubs.willAnswer("never");
        LlmClient client = fixture.client(config.withApiKey(" "));

        LlmException failure = failureOf(client);

        assertThat(client.isConfigured()).isFalse();
        assertThat(failure.kind()).isEqualTo(Kind.NOT_CONFIGURED);
        assertThat(failure.attempts()).isZero();
        assertThat(stubs.requestCount()).isZero();
    }

    @Test
    void isConfiguredWithAKey() {
        assertThat(fixture.client(config).isConfigured()).isTrue();
        assertThat(fixture.client(config.withApiKey(null)).isConfigured()).isFalse();
    }

    @Test
    void stopsWithInterruptedWhenInterruptedWhileWaitingToRetry() {
        stubs.willReturn(LlmStubs.serverError(500));
        // Interrupted as the wait before the retry begins.
        LlmClient client = new LlmClient(config, fixture.registry, LlmClientFixture.CLOCK, failure -> {
            Thread.currentThread().interrupt();
            return Duration.ofMinutes(1).toMillis();
        });

        LlmException failure = failureOf(client);

        assertThat(failure.kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(stubs.requestCount()).isEqualTo(1);
    }

    private static LlmException failureOf(LlmClient client) {
        LlmException failure = catchThrowableOfType(LlmException.class, () -> client.complete(REQUEST));
        assertThat(failure).as("LlmException").isNotNull();
        return failure;
    }

    /** Vert.x logs each reset connection at ERROR on its event loop, before the client sees the failure. */
    private static LogCapture expectedConnectionResets() {
        return LogCapture.expecting("io.vertx.core.net.impl.ConnectionBase", "Connection reset");
    }
}
