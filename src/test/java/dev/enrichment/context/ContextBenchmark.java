package dev.enrichment.context;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.Sql;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * CONTEXT BENCHMARK, not part of the default test run (the name does not end in Test). Run with
 * {@code TEST_POSTGRES=local ./mvnw -o test -Dtest=ContextBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * One user with 1,000 summaries and 200 facts; sequential requests over HTTP with q, after a warm-up; prints the
 * latency percentiles. A figure, not an assertion: timing limits are flaky on shared machines.
 */
@QuarkusTest
class ContextBenchmark {

    private static final int WARM_UP = 200;
    private static final int MEASURED = 1000;

    @Inject
    DataSource dataSource;

    @Test
    void contextForAUserWithAThousandSummariesAndTwoHundredFacts() {
        Sql sql = new Sql(dataSource);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bot = "benchbot-" + suffix;
        String user = "bench-user-" + suffix;
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, preferences)
                VALUES (?, ?, CAST(? AS jsonb))""", user, user, """
                {"preferred_name": {"value": "Mark", "confidence": 0.95},
                 "pronouns": {"value": "he/him", "confidence": 0.9},
                 "response_length": {"value": "short", "confidence": 0.8}}""");
        sql.update("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, start_timestamp, end_timestamp,
                    message_count, key_topics, emotional_tone, confidence_score)
                SELECT ?, ?, 'The user talked about topic ' || n || ' and the octopus ' || (n % 17) || '. They '
                       || 'planned a trip to the harbour. Elena asked about the garden, the cat and the exam. '
                       || 'It ended on a cheerful note.',
                       TIMESTAMP '2023-01-01' + n * INTERVAL '1 day', TIMESTAMP '2023-01-02' + n * INTERVAL '1 day',
                       12, ARRAY['topic ' || n, 'garden']::varchar[], 'positive', 0.8
                  FROM generate_series(1, 1000) n""", user, bot);
        sql.update("""
                INSERT INTO fact_entities (entity_type, entity_name, category)
                SELECT 'hobby', ? || '-' || n, 'hobby' FROM generate_series(1, 200) n""", "bench-" + suffix);
        sql.update("""
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence,
                    context_metadata, mentioned_by_character, updated_at)
                SELECT ?, id, 'enjoys', 0.5 + (n % 50) / 100.0,
                       jsonb_build_object('latest_message_timestamp', '2025-09-0' || (1 + n % 9) || 'T10:00:00'),
                       CASE WHEN n % 3 = 0 THEN NULL ELSE ? END, TIMESTAMP '2025-09-01'
                  FROM (SELECT id, CAST(split_part(entity_name, '-', 3) AS int) AS n FROM fact_entities
                         WHERE entity_name LIKE ?) e""", user, bot, "bench-" + suffix + "-%");

        long[] nanos = new long[MEASURED];
        for (int i = -WARM_UP; i < MEASURED; i++) {
            long start = System.nanoTime();
            int status = given().header("Authorization", "Bearer test-bot-key")
                    .queryParam("bot", bot)
                    .queryParam("q", "do you remember the octopus " + (i & 15) + " and the harbour?")
                    .queryParam("max_tokens", 600)
                    .get("/api/v1/users/{user}/context", user)
                    .statusCode();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
            assertThat(status).isEqualTo(200);
        }
        Arrays.sort(nanos);
        Log.infof(
                "CONTEXT BENCHMARK (1000 summaries, 200 facts, %d sequential requests): p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms",
                MEASURED, millis(nanos, 0.50), millis(nanos, 0.95), millis(nanos, 0.99), nanos[MEASURED - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
