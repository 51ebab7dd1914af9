package dev.enrichment.recap;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 32 clients asking for recaps at once against a pool of two connections. A request that needed a second
 * connection while holding the first would starve the pool and fail after the acquisition timeout; with one
 * connection per request they only queue.
 */
@QuarkusTest
@TestProfile(RecapUnderLoadTest.TwoConnections.class)
class RecapUnderLoadTest {

    private static final int CLIENTS = 32;
    private static final Duration RUN_FOR = Duration.ofSeconds(20);

    @TestHTTPResource("/api/v1/recap")
    URI recap;

    @Test
    void thirtyTwoConcurrentClientsGetNoErrorFromATwoConnectionPool() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong answered = new AtomicLong();
        Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
        Set<String> failureBodies = ConcurrentHashMap.newKeySet();
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        Instant end = Instant.now().plus(RUN_FOR);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                URI uri = URI.create(recap + "?bot=elena&user_id=load-user-" + client
                        + "&when=last%20week&as_of=2025-10-22T12:00:00Z");
                running.add(clients.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(uri)
                                        .header("X-API-Key", "test-bot-key")
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - sent);
                        if (response.statusCode() == 200) {
                            answered.incrementAndGet();
                        } else {
                            failures.computeIfAbsent(response.statusCode(), s -> new AtomicLong())
                                    .incrementAndGet();
                            failureBodies.add(response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        // figures, not assertions: the pool is cut to two connections here, and timing belongs to the benchmarks
        System.out.printf(
                "[recap-load] %d clients, %d s, pool of 2: %d answered, failures %s, p50 %.1f ms, p99 %.1f ms%n",
                CLIENTS,
                RUN_FOR.toSeconds(),
                answered.get(),
                failures,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99));
        assertThat(failures).as("failed answers, e.g. %s", failureBodies).isEmpty();
        assertThat(answered.get()).isGreaterThan(CLIENTS);
    }

    private static double percentile(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(fraction * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1_000_000d;
    }

    public static class TwoConnections implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.acquisition-timeout", "3S");
        }
    }
}
