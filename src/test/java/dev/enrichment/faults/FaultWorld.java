package dev.enrichment.faults;

import static org.awaitility.Awaitility.await;

import dev.enrichment.testsupport.LaunchedApp;
import dev.enrichment.testsupport.postgres.TestPostgres;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.qdrant.client.grpc.Points.PointStruct;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a fault scenario runs against, one per test JVM: a PostgreSQL cluster of its own (so a test may stop
 * it), the Qdrant test double, the scripted LLM and the generated conversations. Each scenario gets a fresh database
 * and freshly seeded collections, and starts the packaged service with {@link #launch}.
 */
final class FaultWorld {

    /** {@code -Preliability} sets this: more data and repeated kills. */
    static final boolean LONG = Boolean.getBoolean("reliability.long");

    static final String ADMIN_KEY = "it-admin-key";

    /** The service's {@code LLM_READ_TIMEOUT}; the analyst's timeouts answer a second after it. */
    static final Duration LLM_READ_TIMEOUT = Duration.ofSeconds(2);

    private static FaultWorld instance;

    private final TestPostgres postgres;
    private final QdrantTestTarget qdrant;
    private final ScriptedAnalyst analyst;
    private final ConversationSet data;

    private FaultWorld() {
        postgres = TestPostgres.throwaway();
        qdrant = QdrantTestTarget.create();
        analyst = new ScriptedAnalyst();
        LocalDate today = LocalDate.now(Clock.systemUTC());
        data = LONG ? ConversationSet.generate(4, 6, 4, today) : ConversationSet.generate(3, 3, 3, today);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "fault-world-stop"));
    }

    static synchronized FaultWorld get() {
        if (instance == null) {
            instance = new FaultWorld();
        }
        return instance;
    }

    ConversationSet data() {
        return data;
    }

    ScriptedAnalyst analyst() {
        return analyst;
    }

    TestPostgres postgres() {
        return postgres;
    }

    boolean hasQdrantDouble() {
        return qdrant.isDouble();
    }

    QdrantTestDouble qdrantDouble() {
        return qdrant.testDouble().orElseThrow();
    }

    QdrantTestTarget qdrant() {
        return qdrant;
    }

    /** A fresh database, the generated collections seeded again, the analyst well behaved and quick. */
    void prepare(String database) {
        prepare(database, Map.of());
    }

    /** The same, with {@code extra} points added to (or creating) collections after the generated ones. */
    void prepare(String database, Map<String, List<PointStruct>> extra) {
        postgres.recreateDatabase(database);
        qdrant.deleteAllCollections();
        qdrant.testDouble().ifPresent(QdrantTestDouble::reset);
        for (Map.Entry<String, List<PointStruct>> collection :
                data.pointsByCollection().entrySet()) {
            qdrant.createWhisperEngineCollection(collection.getKey());
            qdrant.upsert(collection.getKey(), collection.getValue());
        }
        for (Map.Entry<String, List<PointStruct>> collection : extra.entrySet()) {
            if (!data.pointsByCollection().containsKey(collection.getKey())) {
                qdrant.createWhisperEngineCollection(collection.getKey());
            }
            qdrant.upsert(collection.getKey(), collection.getValue());
        }
        analyst.reset();
    }

    /**
     * Starts the packaged service on {@code database}, configured as an operator would, with short leases and
     * backoffs so that recoveries happen within a test; {@code overrides} replace or add variables.
     */
    LaunchedApp launch(String name, String database, Map<String, String> overrides) throws Exception {
        Map<String, String> env = LaunchedApp.connectedTo(postgres, database, qdrant.host(), qdrant.port());
        env.put("API_ADMIN_KEYS", ADMIN_KEY);
        env.put("API_BOT_KEYS", "it-bot-key");
        env.put("LLM_CHAT_API_URL", analyst.apiUrl());
        env.put("LLM_CHAT_API_KEY", "test-llm-key");
        env.put("LLM_CHAT_MODEL", "test/model");
        env.put("LLM_READ_TIMEOUT", LLM_READ_TIMEOUT.toSeconds() + "s");
        env.put("LLM_INITIAL_BACKOFF", "100ms");
        env.put("LLM_MAX_BACKOFF", "2s");
        env.put("LLM_MAX_RETRIES", "3");
        env.put("ENRICHMENT_INTERVAL_SECONDS", "1");
        env.put("LOOKBACK_DAYS", "7");
        env.put("MIN_MESSAGES_FOR_SUMMARY", Integer.toString(ConversationSet.MIN_MESSAGES));
        env.put("ENRICHMENT_CONCURRENCY", "2");
        // a dead process's windows come back within seconds, not the default 90
        env.put("ENRICHMENT_LEASE", "8s");
        env.put("ENRICHMENT_LEASE_RENEWAL", "2s");
        env.put("ENRICHMENT_RETRY_BACKOFF", "1s");
        env.put("ENRICHMENT_MAX_RETRY_BACKOFF", "2s");
        env.put("ENRICHMENT_MAX_ATTEMPTS", "8");
        // the matrix is about windows: rollups and the search index have tests of their own
        env.put("ENRICHMENT_ROLLUPS_ENABLED", "false");
        env.put("EMBEDDINGS_PROVIDER", "off");
        env.put("ENRICHMENT_HEALTH_DETAILS", "true");
        // C1 only: a quicker start on a small shared machine, and every scenario starts the service at least once
        env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        env.putAll(overrides);
        return LaunchedApp.start("faults-" + name, env);
    }

    /** Waits until the service answers on its liveness endpoint (or has died). */
    static void awaitUp(LaunchedApp app) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> app.get("/q/health/live").status() == 200 || !app.isAlive());
        if (!app.isAlive()) {
            throw new AssertionError("the service died while starting:\n" + app.output());
        }
    }

    /**
     * Waits until discovery has created {@code windows} work items and none is pending or processing; a window that
     * ends {@code failed} also settles, and the comparison then says so.
     */
    void awaitSettled(String database, int windows, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> count(
                                        database,
                                        "SELECT count(*) FROM enrichment_windows WHERE status NOT IN ('pending', 'processing')")
                                >= windows
                        && count(
                                        database,
                                        "SELECT count(*) FROM enrichment_windows"
                                                + " WHERE status IN ('pending', 'processing')")
                                == 0);
    }

    Outcome outcome(String database) {
        return new OutcomeReader(postgres.jdbcUrl(database), postgres.username(), postgres.password()).read();
    }

    int count(String database, String sql) {
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String database, String sql) {
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String database, String sql) {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean tableExists(String database, String table) {
        return count(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'")
                == 1;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    private void shutdown() {
        analyst.close();
        qdrant.close();
        postgres.stop();
    }
}
