package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.LaunchedApp;
import dev.enrichment.testsupport.postgres.TestPostgres;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar against a PostgreSQL it cannot use: it exits, having logged the connection settings before its
 * first connection attempt and, last, one line saying what was tried, what went wrong and which variable to change.
 */
class DatabaseStartFailureIT {

    private static final String DATABASE = "packaged_db_failures";

    private static TestPostgres postgres;
    private static String host;
    private static int port;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.get();
        postgres.recreateDatabase(DATABASE);
        URI jdbc = URI.create(postgres.jdbcUrl(DATABASE).substring("jdbc:".length()));
        host = jdbc.getHost();
        port = jdbc.getPort();
    }

    @Test
    void aWrongPasswordNamesPostgresPasswordTheUserAndWhereItTried() throws Exception {
        Map<String, String> env = environment();
        env.put("POSTGRES_PASSWORD", "not-the-password");

        String output = runUntilExit("db-wrong-password", env);

        assertThat(explanation(output))
                .contains(
                        "POSTGRES_PASSWORD",
                        "user \"" + postgres.username() + "\"",
                        host + ":" + port,
                        "authentication failed",
                        "28P01");
        assertThat(output).doesNotContain("not-the-password").doesNotContain(postgres.password());
    }

    @Test
    void aMissingPasswordSaysSo() throws Exception {
        Map<String, String> env = environment();
        env.remove("POSTGRES_PASSWORD");

        String output = runUntilExit("db-no-password", env);

        assertThat(output)
                .contains("PostgreSQL " + host + ":" + port + ", database " + DATABASE + ", user " + postgres.username()
                        + ", password not set");
        assertThat(explanation(output)).contains("POSTGRES_PASSWORD is not set", host + ":" + port);
    }

    @Test
    void nothingListeningNamesHostAndPortAndARefusedConnection() throws Exception {
        Map<String, String> env = environment();
        int nothingListens = LaunchedApp.freePort();
        env.put("POSTGRES_PORT", Integer.toString(nothingListens));

        String output = runUntilExit("db-nothing-listens", env);

        assertThat(explanation(output))
                .contains(host + ":" + nothingListens, "connection refused", "POSTGRES_HOST and POSTGRES_PORT");
    }

    @Test
    void anUnknownDatabaseIsNamed() throws Exception {
        Map<String, String> env = environment();
        env.put("POSTGRES_DB", "no_such_database");

        String output = runUntilExit("db-unknown-database", env);

        assertThat(explanation(output))
                .contains("database \"no_such_database\" does not exist", "POSTGRES_DB", host + ":" + port);
    }

    @Test
    void anOverridingJdbcUrlIsShownAndNamed() throws Exception {
        Map<String, String> env = environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + host + ":" + port + "/not_there_either");

        String output = runUntilExit("db-url-override", env);

        assertThat(output)
                .contains("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://" + host + ":" + port
                        + "/not_there_either replaces POSTGRES_HOST, POSTGRES_PORT and POSTGRES_DB");
        assertThat(explanation(output)).contains("\"not_there_either\"", "Check QUARKUS_DATASOURCE_JDBC_URL");
    }

    /** Starts the jar, expects it to exit non-zero and the settings to be logged before the failure. */
    private static String runUntilExit(String name, Map<String, String> env) throws Exception {
        try (LaunchedApp app = LaunchedApp.start(name, env)) {
            int exitCode = app.awaitExit(Duration.ofSeconds(60));
            String output = app.output();

            assertThat(exitCode).as(output).isNotZero();
            int settings = output.indexOf("PostgreSQL " + env.get("POSTGRES_HOST") + ":");
            int failure = output.indexOf("Start-up failed");
            assertThat(settings).as("settings logged\n" + output).isNotNegative();
            assertThat(failure).as("failure logged\n" + output).isGreaterThan(settings);
            return output;
        }
    }

    /** The explainer's line: the last line that starts the explanation. */
    private static String explanation(String output) {
        int at = output.lastIndexOf("Cannot use PostgreSQL");
        assertThat(at).as("explanation logged\n" + output).isNotNegative();
        int end = output.indexOf('\n', at);
        return output.substring(at, end < 0 ? output.length() : end);
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_HOST", host);
        env.put("POSTGRES_PORT", Integer.toString(port));
        env.put("POSTGRES_DB", DATABASE);
        env.put("POSTGRES_USER", postgres.username());
        env.put("POSTGRES_PASSWORD", postgres.password());
        // Nothing is asked of Qdrant before the database fails.
        env.put("QDRANT_HOST", "127.0.0.1");
        env.put("QDRANT_GRPC_PORT", Integer.toString(LaunchedApp.freePort()));
        env.put("API_ADMIN_KEYS", "it-admin-key");
        return env;
    }
}
