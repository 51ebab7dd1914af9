package dev.enrichment.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.testsupport.LaunchedApp;
import dev.enrichment.testsupport.postgres.TestPostgres;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Demo only, never part of the service: {@code ./mvnw -Pdemo} runs this after packaging. It starts a throwaway
 * PostgreSQL holding the database a WhisperEngine deployment has before the switch, the Qdrant test double (a
 * stand-in: production always talks to a real Qdrant) loaded with the demo conversations through the Qdrant client,
 * and the packaged service against both; runs the first enrichment cycle, prints what it did and how to call the
 * API, then serves until Ctrl-C. With {@code -Ddemo.smoke=true} it asks for one recap, prints it and exits instead.
 */
public final class DemoLauncher {

    static final String ADMIN_KEY = "demo-admin-key";
    static final String BOT_KEY = "demo-bot-key";
    static final String DATABASE = "whisperengine";
    static final String RECAP_QUESTION = "what did we talk about last week";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CYCLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final List<String> PASSED_THROUGH = List.of(
            "LLM_CHAT_API_KEY",
            "OPENROUTER_API_KEY",
            "LLM_CHAT_API_URL",
            "LLM_CHAT_MODEL",
            "LLM_MAX_CONCURRENCY",
            "ENRICHMENT_CONCURRENCY");

    private final boolean smoke;
    private final int requestedPort;
    private final PrintStream out = System.out;
    private final ObjectMapper json = new ObjectMapper();
    private final long startedNanos = System.nanoTime();

    private DemoLauncher(boolean smoke, int requestedPort) {
        this.smoke = smoke;
        this.requestedPort = requestedPort;
    }

    public static void main(String[] args) {
        DemoLauncher demo = new DemoLauncher(Boolean.getBoolean("demo.smoke"), Integer.getInteger("demo.port", 8080));
        int exitCode;
        try {
            exitCode = demo.run();
        } catch (Exception e) {
            System.err.println("Demo failed: " + e);
            e.printStackTrace();
            exitCode = 1;
        }
        // shutdown hooks stop the service, the Qdrant stand-in and PostgreSQL, and delete their files
        System.exit(exitCode);
    }

    private int run() throws Exception {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        DemoDataSet data = DemoDataSet.build(LocalDate.ofInstant(now, ZoneOffset.UTC), now);

        step("Starting a throwaway PostgreSQL");
        TestPostgres postgres = TestPostgres.throwaway();
        postgres.recreateDatabase(DATABASE);
        LegacyWhisperEngineState.Written legacy;
        try (Connection connection =
                DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password())) {
            legacy = new LegacyWhisperEngineState(data).writeTo(connection);
        }
        step(
                "WhisperEngine's database as the old worker left it: %d users, %d facts without "
                        + "latest_message_timestamp, %d placeholder summaries",
                legacy.users(), legacy.oldFacts(), legacy.placeholderSummaries());

        step("Starting the Qdrant stand-in (the in-process test double, demo only) and loading the conversations");
        QdrantTestDouble qdrant = new QdrantTestDouble().start();
        Runtime.getRuntime().addShutdownHook(new Thread(qdrant::close, "demo-qdrant-stop"));
        try (QdrantClient client =
                new QdrantClient(QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.port(), false, false)
                        .build())) {
            new DemoLoader(client, Duration.ofSeconds(30)).load(data);
        }
        step(
                "Loaded %d messages (%d points, pairs and emoji reactions included) from %d users into %s",
                data.messageCount(), data.pointCount(), data.users().size(), DemoDataSet.collectionNames());

        int port = LaunchedApp.isFree(requestedPort) ? requestedPort : LaunchedApp.freePort();
        LaunchedApp app = LaunchedApp.start("demo", serviceEnvironment(postgres, qdrant, port));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app), "demo-service-stop"));
        step("Starting the packaged service on port %d (its log: %s)", port, app.outputFile());
        step(
                llmKeySet()
                        ? "LLM: LLM_CHAT_API_KEY is set, so windows are analysed by %s"
                        : "LLM: no LLM_CHAT_API_KEY, so the local extractive analyser writes the summaries (%s)",
                llmKeySet()
                        ? System.getenv().getOrDefault("LLM_CHAT_MODEL", "the default model")
                        : "summary_type=extractive, no facts or preferences");
        if (!awaitReady(app)) {
            return failed(app, "the service did not become ready within " + START_TIMEOUT.toSeconds() + " s");
        }
        step(
                "Service ready after %.1f s; running the first enrichment cycle",
                app.sinceStart().toMillis() / 1000.0);

        JsonNode cycle = runFirstCycle(app);
        if (cycle == null) {
            return failed(app, "the first cycle did not finish within " + CYCLE_TIMEOUT.toMinutes() + " min");
        }
        DemoReport report = new DemoReport(out, app.baseUrl(), ADMIN_KEY, BOT_KEY, data);
        try (Connection connection =
                DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password())) {
            report.cycle(cycle, DemoReport.Stored.read(connection), legacy);
        }
        if (smoke) {
            return smokeRecap(app, data, report);
        }
        report.curlBlock();
        out.printf(
                "%nDemo ready: %s (Swagger UI %s/q/swagger-ui, admin key %s, bot key %s) after %.0f s. "
                        + "Ctrl-C stops and removes everything.%n",
                app.baseUrl(), app.baseUrl(), ADMIN_KEY, BOT_KEY, secondsSinceStart());
        new CountDownLatch(1).await();
        return 0;
    }

    private Map<String, String> serviceEnvironment(TestPostgres postgres, QdrantTestDouble qdrant, int port) {
        URI jdbc = URI.create(postgres.jdbcUrl(DATABASE).substring("jdbc:".length()));
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_HOST", jdbc.getHost());
        env.put("POSTGRES_PORT", Integer.toString(jdbc.getPort()));
        env.put("POSTGRES_DB", DATABASE);
        env.put("POSTGRES_USER", postgres.username());
        env.put("POSTGRES_PASSWORD", postgres.password());
        env.put("QDRANT_HOST", qdrant.host());
        env.put("QDRANT_GRPC_PORT", Integer.toString(qdrant.port()));
        env.put("API_ADMIN_KEYS", ADMIN_KEY);
        env.put("API_BOT_KEYS", BOT_KEY);
        // the demo's two weeks are all read by the first cycle
        env.put("LOOKBACK_DAYS", "14");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        for (String name : PASSED_THROUGH) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                env.put(name, value);
            }
        }
        return env;
    }

    private boolean awaitReady(LaunchedApp app) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            if (app.get("/q/health/ready").status() == 200) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    /** Starts a cycle (or joins the scheduled one already running) and returns its outcome once finished. */
    private JsonNode runFirstCycle(LaunchedApp app) throws IOException, InterruptedException {
        LaunchedApp.Response started = app.post("/api/v1/admin/enrichment/run", ADMIN_KEY, "");
        if (started.status() != 202 && started.status() != 409) {
            throw new IllegalStateException(
                    "POST /api/v1/admin/enrichment/run answered " + started.status() + ": " + started.body());
        }
        long deadline = System.nanoTime() + CYCLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            LaunchedApp.Response status = app.get("/api/v1/admin/enrichment/status", ADMIN_KEY);
            if (status.status() == 200) {
                JsonNode body = json.readTree(status.body());
                JsonNode last = body.path("last_cycle");
                if (!body.path("running").asBoolean() && last.isObject()) {
                    return last;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return null;
    }

    private int smokeRecap(LaunchedApp app, DemoDataSet data, DemoReport report) throws IOException {
        String path =
                DemoReport.recapPath(data.featuredBot(), data.featuredUser().userId(), RECAP_QUESTION);
        LaunchedApp.Response recap = app.get(path, BOT_KEY);
        if (recap.status() != 200) {
            return failed(app, "GET " + path + " answered " + recap.status() + ": " + recap.body());
        }
        int summaries = report.recap(json.readTree(recap.body()), RECAP_QUESTION);
        if (summaries == 0) {
            return failed(app, "the recap for " + data.featuredUser().userId() + " holds no summary");
        }
        out.printf("%nDemo smoke run passed in %.0f s.%n", secondsSinceStart());
        return 0;
    }

    private int failed(LaunchedApp app, String why) {
        System.err.println("Demo failed: " + why + ". Last lines of the service's log (" + app.outputFile() + "):");
        String log = app.output();
        List<String> lines = log.lines().toList();
        lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
        return 1;
    }

    private static void stop(LaunchedApp app) {
        try {
            app.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean llmKeySet() {
        return PASSED_THROUGH.subList(0, 2).stream().map(System::getenv).anyMatch(v -> v != null && !v.isBlank());
    }

    private void step(String format, Object... args) {
        out.printf("[demo %5.1fs] %s%n", secondsSinceStart(), String.format(format, args));
    }

    private double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
