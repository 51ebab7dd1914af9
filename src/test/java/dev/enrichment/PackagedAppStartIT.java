package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.enrichment.testsupport.LaunchedApp;
import dev.enrichment.testsupport.postgres.TestPostgres;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Black-box start of the packaged jar, configured only through the environment variables users already have:
 * it migrates an empty database, reports readiness from PostgreSQL and Qdrant, and refuses bad settings by name.
 */
class PackagedAppStartIT {

    private static QdrantTestTarget qdrant;

    @BeforeAll
    static void startQdrant() {
        qdrant = QdrantTestTarget.create();
    }

    @AfterAll
    static void stopQdrant() {
        qdrant.close();
    }

    @Test
    void startsFromEnvironmentMigratesAnEmptyDatabaseAndIsReady() throws Exception {
        String database = "packaged_start";
        TestPostgres.get().recreateDatabase(database);

        Map<String, String> env = environment(database, qdrant.port());

        try (LaunchedApp app = LaunchedApp.start("ready", env)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> app.get("/q/health/ready").status() == 200 || !app.isAlive());
            Duration ready = app.sinceStart();
            LaunchedApp.Response readiness = app.get("/q/health/ready");

            assertThat(readiness.status()).as(app.output()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"qdrant\"").contains("\"UP\"");
            assertThat(tablesIn(database))
                    .contains(
                            "universal_users",
                            "fact_entities",
                            "user_fact_relationships",
                            "entity_relationships",
                            "conversation_summaries",
                            "enrichment_windows");
            assertThat(app.get("/q/health/live").status()).isEqualTo(200);
            assertThat(app.output())
                    .contains("PostgreSQL " + env.get("POSTGRES_HOST") + ":", "database " + database, "password set")
                    .doesNotContain(TestPostgres.get().password());
            // A figure, not an assertion: start-up speed is reported, and the README records what was measured.
            System.out.printf("[startup] packaged jar ready after %d ms against an empty database%n", ready.toMillis());
        }
    }

    @Test
    void isNotReadyAndSaysWhyWhenQdrantIsUnreachable() throws Exception {
        String database = "packaged_no_qdrant";
        TestPostgres.get().recreateDatabase(database);
        int nothingListens = LaunchedApp.freePort();

        Map<String, String> env = environment(database, nothingListens);
        try (LaunchedApp app = LaunchedApp.start("no-qdrant", env)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> app.get("/q/health/live").status() == 200 || !app.isAlive());
            LaunchedApp.Response readiness = app.get("/q/health/ready");

            // public by default: which check and its state, not where it connects or the driver's words
            assertThat(readiness.status()).as(app.output()).isEqualTo(503);
            assertThat(readiness.body())
                    .contains("\"qdrant\"")
                    .contains("\"DOWN\"")
                    .doesNotContain("UNAVAILABLE")
                    .doesNotContain("127.0.0.1:" + nothingListens);
        }
        env.put("ENRICHMENT_HEALTH_DETAILS", "true");
        try (LaunchedApp app = LaunchedApp.start("no-qdrant-details", env)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> app.get("/q/health/live").status() == 200 || !app.isAlive());
            assertThat(app.get("/q/health/ready").body())
                    .contains("UNAVAILABLE")
                    .contains("127.0.0.1:" + nothingListens);
        }
    }

    @Test
    void refusesToStartAndNamesTheVariableWhenAValueIsInvalid() throws Exception {
        String database = "packaged_bad_config";
        TestPostgres.get().recreateDatabase(database);
        Map<String, String> env = environment(database, qdrant.port());
        env.put("QDRANT_GRPC_PORT", "not-a-port");

        try (LaunchedApp app = LaunchedApp.start("bad-config", env)) {
            int exitCode = app.awaitExit(Duration.ofSeconds(60));

            assertThat(exitCode).isNotZero();
            assertThat(app.output()).contains("QDRANT_GRPC_PORT");
        }
    }

    @Test
    void reportsEveryOutOfRangeVariableAtOnce() throws Exception {
        String database = "packaged_bad_ranges";
        TestPostgres.get().recreateDatabase(database);
        Map<String, String> env = environment(database, qdrant.port());
        env.put("TIME_WINDOW_HOURS", "0");
        env.put("LLM_MAX_RETRIES", "50");

        try (LaunchedApp app = LaunchedApp.start("bad-ranges", env)) {
            int exitCode = app.awaitExit(Duration.ofSeconds(60));

            assertThat(exitCode).isNotZero();
            assertThat(app.output())
                    .contains("TIME_WINDOW_HOURS must be at least 1")
                    .contains("LLM_MAX_RETRIES must be between 0 and 10");
        }
    }

    @Test
    void refusesAWindowLengthOffTheUtcGrid() throws Exception {
        String database = "packaged_bad_window";
        TestPostgres.get().recreateDatabase(database);
        Map<String, String> env = environment(database, qdrant.port());
        env.put("TIME_WINDOW_HOURS", "5");

        try (LaunchedApp app = LaunchedApp.start("bad-window", env)) {
            int exitCode = app.awaitExit(Duration.ofSeconds(60));

            assertThat(exitCode).isNotZero();
            assertThat(app.output()).contains("TIME_WINDOW_HOURS must divide 24");
        }
    }

    @Test
    void logsPlainTextByDefaultAndJsonWhenAsked() throws Exception {
        // A database that does not exist stops the start quickly, after logging is set up.
        Map<String, String> env = environment("packaged_no_such_database", qdrant.port());

        String text;
        try (LaunchedApp app = LaunchedApp.start("log-text", env)) {
            app.awaitExit(Duration.ofSeconds(60));
            text = app.output();
        }
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        String json;
        try (LaunchedApp app = LaunchedApp.start("log-json", env)) {
            app.awaitExit(Duration.ofSeconds(60));
            json = app.output();
        }

        assertThat(text)
                .contains(" INFO  [dev.enr.StartupReport] (main) PostgreSQL ")
                .contains(" ERROR [dev.enr.EnrichmentMain] (main) Cannot use PostgreSQL")
                .doesNotContain("{\"");
        assertThat(json)
                .contains("\"loggerName\":\"dev.enrichment.StartupReport\"")
                .contains("\"message\":\"Cannot use PostgreSQL")
                .doesNotContain(" INFO  [");
    }

    private static Map<String, String> environment(String database, int qdrantPort) {
        TestPostgres postgres = TestPostgres.get();
        Map<String, String> env = LaunchedApp.connectedTo(
                postgres, database, qdrant.isDouble() ? "127.0.0.1" : qdrant.host(), qdrantPort);
        env.put("API_ADMIN_KEYS", "it-admin-key");
        env.put("API_BOT_KEYS", "it-bot-key");
        return env;
    }

    private static java.util.List<String> tablesIn(String database) throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        try (Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl(database), postgres.username(), postgres.password());
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        }
    }
}
