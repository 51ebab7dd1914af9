package dev.enrichment.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class LlmClientConcurrencyTest {

    @RegisterExtension
    static final WireMockExtension wireMock = LlmClientFixture.wireMock();

    private static final Duration ANSWER_DELAY = Duration.ofMillis(400);
    private static final int CALLS = 6;

    private final LlmClientFixture fixture = new LlmClientFixture();
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLS);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void neverHasMoreCallsInFlightThanMaxConcurrency() {
        LlmStubs.on(wireMock).willReturn(LlmStubs.slow(ANSWER_DELAY, "done"));
        LlmClient client =
                fixture.client(TestLlmConfig.forWireMock(wireMock.baseUrl()).withMaxConcurrency(2));

        List<CompletableFuture<ChatCompletion>> calls = IntStream.range(0, CALLS)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> client.complete(ChatRequest.of(ChatMessage.user("call " + i))), callers))
                .toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> calls.stream().allMatch(CompletableFuture::isDone));

        assertThat(calls).allSatisfy(call -> assertThat(call).isCompleted());
        assertThat(maxInFlight(LlmStubs.on(wireMock).requests())).isEqualTo(2);
    }

    /**
     * WireMock holds each request for at least {@link #ANSWER_DELAY} after logging it, so two requests were in flight
     * together if one was logged less than that delay after the other.
     */
    private static int maxInFlight(List<LoggedRequest> requests) {
        List<Long> starts = requests.stream()
                .map(request -> request.getLoggedDate().getTime())
                .sorted()
                .toList();
        int max = 0;
        for (long start : starts) {
            long overlapping = starts.stream()
                    .filter(other -> other <= start && start < other + ANSWER_DELAY.toMillis())
                    .count();
            max = Math.max(max, (int) overlapping);
        }
        return max;
    }
}
