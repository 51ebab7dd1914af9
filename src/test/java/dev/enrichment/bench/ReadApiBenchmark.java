package dev.enrichment.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.Sql;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: the read API over 1,000,000 summaries of 100,000 users, 32 clients at once over HTTP for each of
 * /recap, /summaries and /users/{id}/context (latency percentiles, requests per second), the plans of the statements
 * behind them, and the context of one user with 1,000 summaries and 200 facts (formerly ContextBenchmark).
 */
@QuarkusTest
@Order(3)
class ReadApiBenchmark {

    private static final int CLIENTS = 32;
    private static final String BOT = "benchbot";
    private static final String AS_OF = "2025-10-22T12:00:00Z";

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    @Test
    void readApiUnderThirtyTwoClients() throws Exception {
        BenchWorld world = BenchWorld.reset(dataSource);
        Sql sql = world.sql;
        int users = BenchReport.scaled(100_000, 100);
        int perUser = 10;
        long seedStart = System.nanoTime();
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, preferences)
                SELECT 'reader-' || u, 'reader-' || u,
                       '{"preferred_name": {"value": "Sam", "confidence": 0.9}}'::jsonb
                  FROM generate_series(0, ? - 1) u""", users);
        // ten daily summaries per user, 2025-10-12 to 2025-10-21, inside "last week" and "the last 10 days"
        sql.update("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, start_timestamp, end_timestamp,
                    message_count, key_topics, emotional_tone, confidence_score)
                SELECT 'reader-' || u, ?, 'The user talked about topic ' || d || ' and the octopus ' || (u % 17)
                       || '. They planned a trip to the harbour. It ended on a cheerful note.',
                       TIMESTAMP '2025-10-12' + d * INTERVAL '1 day', TIMESTAMP '2025-10-13' + d * INTERVAL '1 day',
                       20, ARRAY['topic ' || d, 'harbour']::varchar[], 'positive', 0.8
                  FROM generate_series(0, ? - 1) u, generate_series(0, ? - 1) d""", BOT, users, perUser);
        sql.update("ANALYZE conversation_summaries");
        sql.update("ANALYZE universal_users");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long summaries = ((Number) sql.value("SELECT count(*) FROM conversation_summaries")).longValue();

        Duration runFor =
                Duration.ofMillis(Math.max(3_000, Math.round(20_000 * Math.min(1.0, BenchReport.scale() * 10))));
        BenchReport.Scenario report = BenchReport.scenario("6", "Read API");
        report.figure("summaries", summaries, "rows").figure("users", users, "");
        Map<String, IntFunction<String>> endpoints = new LinkedHashMap<>();
        endpoints.put(
                "/recap", u -> "api/v1/recap?bot=" + BOT + "&user_id=reader-" + u + "&when=last%20week&as_of=" + AS_OF);
        endpoints.put("/summaries", u -> "api/v1/summaries?bot=" + BOT + "&user_id=reader-" + u + "&limit=20");
        endpoints.put(
                "/users/{id}/context",
                u -> "api/v1/users/reader-" + u + "/context?bot=" + BOT + "&q="
                        + URLEncoder.encode("do you remember the harbour?", StandardCharsets.UTF_8));
        // Warm every endpoint before measuring any: the JIT compiles the shared paths (HTTP, Hibernate, JSON) during
        // the first seconds, and the endpoint measured first would otherwise pay for all of them.
        Duration warmUp = Duration.ofMillis(Math.max(2_000, runFor.toMillis() / 2));
        for (IntFunction<String> path : endpoints.values()) {
            run(HttpClient.newHttpClient(), path, users, warmUp, new ConcurrentLinkedQueue<>(), new AtomicLong());
        }
        for (Map.Entry<String, IntFunction<String>> endpoint : endpoints.entrySet()) {
            load(report, endpoint.getKey(), !endpoint.getKey().contains("context"), runFor, endpoint.getValue());
        }
        contextOfAHeavyUser(report, sql);
        report.note(String.format(
                Locale.ROOT,
                "%d clients, %d s per endpoint after %d s of warm-up on each endpoint and 2 s more just before, users picked at random; the application in the "
                        + "test JVM (JVM mode) with its default pool of 16 connections; data seeded in %.1f s.",
                CLIENTS,
                runFor.toSeconds(),
                warmUp.toSeconds(),
                seedSeconds));
        report.note("Plans (EXPLAIN ANALYZE of the statements' shapes, as Hibernate sends them):\n" + plans(sql));
        report.write();
    }

    private void load(
            BenchReport.Scenario report, String name, boolean target, Duration runFor, IntFunction<String> path)
            throws Exception {
        int users = BenchReport.scaled(100_000, 100);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        run(http, path, users, Duration.ofSeconds(2), new ConcurrentLinkedQueue<>(), new AtomicLong());
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        run(http, path, users, runFor, latencies, failures);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double p99 = BenchWorld.millis(sorted, 0.99);
        report.figure(name + ": p50", BenchWorld.millis(sorted, 0.50), "ms")
                .figure(name + ": p99", p99, "ms", target ? "< 20 ms" : null, target ? p99 < 20 : null, null)
                .figure(name + ": requests/s", sorted.length / seconds, "req/s")
                .figure(name + ": failed requests", failures.get(), "requests", "0", failures.get() == 0, null);
        assertThat(failures.get()).isZero();
    }

    private void run(
            HttpClient http,
            IntFunction<String> path,
            int users,
            Duration runFor,
            Queue<Long> latencies,
            AtomicLong failures)
            throws Exception {
        long end = System.nanoTime() + runFor.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        URI uri = base.resolve(
                                path.apply(ThreadLocalRandom.current().nextInt(users)));
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(uri)
                                        .header("X-API-Key", "test-bot-key")
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - sent);
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
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
    }

    /** One user with 1,000 summaries and 200 facts, sequential context requests with a question (was ContextBenchmark). */
    private void contextOfAHeavyUser(BenchReport.Scenario report, Sql sql) throws Exception {
        String user = "heavy-user";
        sql.update("INSERT INTO universal_users (universal_id, primary_username) VALUES (?, ?)", user, user);
        sql.update("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, start_timestamp, end_timestamp,
                    message_count, key_topics, emotional_tone, confidence_score)
                SELECT ?, ?, 'The user talked about topic ' || n || ' and the octopus ' || (n % 17) || '. They '
                       || 'planned a trip to the harbour. Elena asked about the garden, the cat and the exam. '
                       || 'It ended on a cheerful note.',
                       TIMESTAMP '2023-01-01' + n * INTERVAL '1 day', TIMESTAMP '2023-01-02' + n * INTERVAL '1 day',
                       12, ARRAY['topic ' || n, 'garden']::varchar[], 'positive', 0.8
                  FROM generate_series(1, 1000) n""", user, BOT);
        sql.update("""
                INSERT INTO fact_entities (entity_type, entity_name, category)
                SELECT 'hobby', 'bench-heavy-' || n, 'hobby' FROM generate_series(1, 200) n""");
        sql.update("""
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence,
                    context_metadata, mentioned_by_character, updated_at)
                SELECT ?, id, 'enjoys', 0.5 + (n % 50) / 100.0,
                       jsonb_build_object('latest_message_timestamp', '2025-09-0' || (1 + n % 9) || 'T10:00:00'),
                       CASE WHEN n % 3 = 0 THEN NULL ELSE ? END, TIMESTAMP '2025-09-01'
                  FROM (SELECT id, CAST(split_part(entity_name, '-', 3) AS int) AS n FROM fact_entities
                         WHERE entity_name LIKE 'bench-heavy-%') e""", user, BOT);
        HttpClient http = HttpClient.newHttpClient();
        int measured = BenchReport.scaled(1000, 100);
        List<Long> nanos = new ArrayList<>();
        for (int i = -200; i < measured; i++) {
            URI uri = base.resolve("api/v1/users/" + user + "/context?bot=" + BOT + "&max_tokens=600&q="
                    + URLEncoder.encode(
                            "do you remember the octopus " + (i & 15) + " and the harbour?", StandardCharsets.UTF_8));
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("X-API-Key", "test-bot-key")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (i >= 0) {
                nanos.add(System.nanoTime() - start);
            }
            assertThat(response.statusCode()).isEqualTo(200);
        }
        long[] sorted = BenchWorld.sorted(nanos);
        report.figure(
                        "context, 1 user with 1,000 summaries and 200 facts, sequential: p50",
                        BenchWorld.millis(sorted, 0.5),
                        "ms")
                .figure(
                        "context, 1 user with 1,000 summaries and 200 facts, sequential: p99",
                        BenchWorld.millis(sorted, 0.99),
                        "ms");
    }

    private static String plans(Sql sql) {
        String summaries = """
                SELECT * FROM conversation_summaries WHERE bot_name = 'benchbot' AND user_id = 'reader-42'
                 ORDER BY start_timestamp DESC, id DESC LIMIT 21""";
        String recap = """
                SELECT * FROM conversation_summaries WHERE bot_name = 'benchbot' AND user_id = 'reader-42'
                   AND end_timestamp > TIMESTAMP '2025-10-13' AND start_timestamp < TIMESTAMP '2025-10-20'
                 ORDER BY start_timestamp, id""";
        String context = """
                SELECT * FROM conversation_summaries WHERE bot_name = 'benchbot' AND user_id = 'reader-42'
                   AND start_timestamp < TIMESTAMP '2025-10-22' ORDER BY start_timestamp DESC, id DESC LIMIT 10""";
        StringBuilder out = new StringBuilder();
        for (String[] statement : new String[][] {{"summaries", summaries}, {"recap", recap}, {"context", context}}) {
            out.append(statement[0]).append(":\n");
            out.append(sql.rows("EXPLAIN (ANALYZE, COSTS OFF) " + statement[1]).stream()
                    .map(row -> "  " + row.values().iterator().next())
                    .collect(Collectors.joining("\n")));
            out.append('\n');
        }
        return out.toString();
    }
}
