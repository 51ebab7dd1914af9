package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.testsupport.LaunchedApp;
import dev.enrichment.testsupport.postgres.TestPostgres;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged application at {@code QUARKUS_LOG_LEVEL=DEBUG}, the way an operator debugging it would run it, with
 * every key configured (API keys, the Qdrant api-key, the LLM key): it reads Qdrant (demo data seeded, a cycle run,
 * the status counts), calls the LLM (an address where nothing listens), starts and lists admin jobs and answers
 * refused and malformed requests. None of the keys appears in the process's output, in {@code /q/metrics}, in any
 * answer, or in the jobs table. A whole process is needed: DEBUG for every category (gRPC's frame logger printed
 * the Qdrant {@code api-key} header there) cannot be switched on inside a running test application.
 */
class SecretsNeverLeakIT {

    // Random per run, so that no other text in the output can match by chance.
    private static final String ADMIN_KEY = "admin-" + UUID.randomUUID();
    private static final String BOT_KEY = "bot-" + UUID.randomUUID();
    private static final String QDRANT_KEY = "qdrant-" + UUID.randomUUID();
    private static final String LLM_KEY = "llm-" + UUID.randomUUID();
    private static final List<String> KEYS = List.of(ADMIN_KEY, BOT_KEY, QDRANT_KEY, LLM_KEY);

    @Test
    void noKeyAppearsInLogsMetricsAnswersOrJobRecordsAtDebug() throws Exception {
        String database = "secrets_never_leak";
        TestPostgres.get().recreateDatabase(database);
        try (QdrantTestTarget qdrant = QdrantTestTarget.create()) {
            assumeTrue(qdrant.isDouble(), "the double accepts the service's api-key; a real Qdrant has its own");
            try (LaunchedApp app = LaunchedApp.start("secrets", environment(database, qdrant.port()))) {
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> app.get("/q/health/live").status() == 200 || !app.isAlive());
                List<String> answers = exercise(app);

                // the cycle reads Qdrant and calls the LLM in the background; the jobs run there too
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> app.output().contains("LLM call failed")
                                && !app.get("/api/v1/admin/jobs?status=running", ADMIN_KEY)
                                        .body()
                                        .contains("\"running\""));
                answers.add(app.get("/q/metrics").body());
                answers.add(app.get("/api/v1/admin/jobs", ADMIN_KEY).body());
                String output = app.output();
                String jobRows = jobRows(database);

                System.out.printf(
                        "[secrets] %d characters of DEBUG output, %d answers, %d characters of job rows searched%n",
                        output.length(), answers.size(), jobRows.length());
                // DEBUG was on, Qdrant was read with its key and the LLM called with its key
                assertThat(output).contains(" DEBUG [", "Discovery of whisperengine_memory_", "LLM attempt 1/1");
                assertThat(jobRows).contains("fact-timestamp-backfill");
                for (String key : KEYS) {
                    assertThat(output).as("output").doesNotContain(key);
                    assertThat(jobRows).as("job rows").doesNotContain(key);
                    assertThat(answers).as("answers").noneMatch(answer -> answer.contains(key));
                }
            }
        }
    }

    /** Work through every path that holds a key: reads, admin actions, jobs, refusals and bad input. */
    private static List<String> exercise(LaunchedApp app) {
        List<String> answers = new ArrayList<>();
        answers.add(app.post("/api/v1/admin/enrichment/run", ADMIN_KEY, "").body());
        answers.add(app.get("/api/v1/admin/enrichment/status", ADMIN_KEY).body());
        answers.add(app.post("/api/v1/admin/jobs/fact-timestamp-backfill", ADMIN_KEY, "{}")
                .body());
        answers.add(app.post("/api/v1/admin/jobs/summary-regeneration", ADMIN_KEY, "{\"bot\": 5")
                .body());
        answers.add(app.post("/api/v1/admin/jobs/summary-regeneration", BOT_KEY, "{}")
                .body());
        answers.add(app.post("/api/v1/admin/quarantine/retry?bot=elena", ADMIN_KEY, "")
                .body());
        answers.add(app.get("/api/v1/summaries?bot=elena&limit=0", BOT_KEY).body());
        answers.add(app.get("/api/v1/recap?bot=elena&user_id=u1&when=last%20week", BOT_KEY)
                .body());
        answers.add(app.get("/api/v1/summaries", BOT_KEY + "x").body());
        answers.add(app.get("/api/v1/summaries", "Bearer " + ADMIN_KEY).body());
        answers.add(app.get("/api/v1/no-such-thing", ADMIN_KEY).body());
        answers.add(app.get("/q/health/ready").body());
        return answers;
    }

    private static Map<String, String> environment(String database, int qdrantPort) {
        TestPostgres postgres = TestPostgres.get();
        Map<String, String> env = LaunchedApp.connectedTo(postgres, database, "127.0.0.1", qdrantPort);
        env.put("QDRANT_API_KEY", QDRANT_KEY);
        env.put("API_ADMIN_KEYS", ADMIN_KEY);
        env.put("API_BOT_KEYS", BOT_KEY);
        env.put("LLM_CHAT_API_KEY", LLM_KEY);
        env.put("LLM_CHAT_API_URL", "http://127.0.0.1:" + LaunchedApp.freePort() + "/v1");
        env.put("LLM_MAX_RETRIES", "0");
        env.put("ENRICHMENT_DEMO_SEED", "true");
        env.put("LOOKBACK_DAYS", "30");
        env.put("EMBEDDINGS_PROVIDER", "off");
        env.put("QUARKUS_LOG_LEVEL", "DEBUG");
        return env;
    }

    /** Every job row as text, all columns (parameters, progress, results, errors). */
    private static String jobRows(String database) throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        StringBuilder rows = new StringBuilder();
        try (Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl(database), postgres.username(), postgres.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT j::text FROM enrichment_jobs j")) {
            while (rs.next()) {
                rows.append(rs.getString(1)).append('\n');
            }
        }
        return rows.toString();
    }
}
