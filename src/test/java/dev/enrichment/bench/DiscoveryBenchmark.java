package dev.enrichment.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.bench.baseline.OldWorkerBaseline;
import dev.enrichment.testsupport.LaunchedApp;
import dev.enrichment.testsupport.postgres.TestPostgres;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.ScrollPoints;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 2 and 8: the packaged jar at {@code -Xmx256m} discovers a million new messages in its first cycle
 * (messages per second, no OutOfMemoryError, resident memory afterwards), and how long the jar takes from start to
 * ready. The Qdrant double and PostgreSQL are the suite's; the old worker's first cycles run on the same data.
 */
@Order(2)
class DiscoveryBenchmark {

    private static final int COLLECTIONS = 10;
    private static final int DAYS = 5;
    private static final String DATABASE = "bench_discovery";

    @Test
    void firstCycleDiscoversAMillionMessagesInAQuarterGigabyteHeap() throws Exception {
        try (QdrantTestTarget qdrant = QdrantTestTarget.create()) {
            assumeTrue(qdrant.isDouble(), "counts requests on the Qdrant test double");
            // 1,000 users per collection at full scale: every 50th a heavy one (120 exchanges a day, past the old
            // worker's 1,000-point page), the others 8 exchanges a day; about 1,000,000 messages in all
            int usersPerCollection = BenchReport.scaled(10_000, COLLECTIONS) / COLLECTIONS;
            Instant newestDay = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
            BenchConversations.Shape shape =
                    new BenchConversations.Shape(usersPerCollection, DAYS, 8, newestDay, 50, 120);
            List<String> collections = new ArrayList<>();
            long messages = 0;
            for (int i = 0; i < COLLECTIONS; i++) {
                String name = BenchWorld.PREFIX + "first" + i;
                qdrant.createWhisperEngineCollection(name);
                messages += BenchConversations.seed(qdrant, name, "user-" + i + "-", shape, 100 + i);
                collections.add(name);
            }
            TestPostgres postgres = TestPostgres.get();
            postgres.recreateDatabase(DATABASE);
            Map<String, Instant> newest = newestMessages(qdrant, collections);

            Map<String, String> env = environment(postgres, qdrant.port());
            long launched = System.nanoTime();
            try (LaunchedApp app = LaunchedApp.start("bench-discovery", env, List.of("-Xmx256m"))) {
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> app.get("/q/health/ready").status() == 200 || !app.isAlive());
                double readyMillis = (System.nanoTime() - launched) / 1e6;
                assertThat(app.get("/q/health/ready").status()).as(app.output()).isEqualTo(200);
                long rssAtReady = rssKilobytes(app.pid());

                qdrant.testDouble().orElseThrow().resetCounters();
                double appCpuBefore = cpuSeconds(app.pid());
                double doubleCpuBefore = ownCpuSeconds();
                long start = System.nanoTime();
                assertThat(app.post("/api/v1/admin/enrichment/run", "bench-admin-key", "")
                                .status())
                        .isIn(202, 409);
                await().atMost(Duration.ofMinutes(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> discovered(postgres, newest) || !app.isAlive());
                double seconds = (System.nanoTime() - start) / 1e9;
                double appCpu = cpuSeconds(app.pid()) - appCpuBefore;
                double doubleCpu = ownCpuSeconds() - doubleCpuBefore;
                long rssAfter = rssKilobytes(app.pid());
                long requests = qdrant.testDouble().orElseThrow().totalRequests();
                long points = qdrant.testDouble().orElseThrow().pointsReturned();
                assertThat(app.isAlive()).as(app.output()).isTrue();
                assertThat(app.output()).doesNotContain("OutOfMemoryError");
                long neverMarked = messagesInUnmarkedWindows(postgres, shape, collections.size());
                app.close();

                OldWorkerBaseline baseline = new OldWorkerBaseline(
                        qdrant.client(), newestDay.minus(Duration.ofDays(7)).getEpochSecond());
                OldWorkerBaseline.CycleFigures first = baseline.cycle(collections);
                OldWorkerBaseline.CycleFigures second = baseline.cycle(collections);
                long oldSummarised = first.messagesSummarised() + second.messagesSummarised();
                double perSecond = messages / seconds;
                BenchReport.scenario("2", "First cycle / discovery")
                        .figure("new messages", messages, "messages")
                        .figure(
                                "discovery rate (packaged jar, -Xmx256m)",
                                perSecond,
                                "messages/s",
                                ">= 50,000/s",
                                perSecond >= 50_000,
                                messages / (first.wallNanos() / 1e9))
                        .figure("discovery wall time", seconds * 1000, "ms", null, null, first.wallNanos() / 1e6)
                        .figure("service CPU per 1,000 messages", appCpu * 1e6 / messages, "ms")
                        .figure(
                                "test JVM CPU per 1,000 messages (the Qdrant double, mostly)",
                                doubleCpu * 1e6 / messages,
                                "ms")
                        .figure("Qdrant requests", requests, "requests", null, null, (double) first.qdrantRequests())
                        .figure("points transferred", points, "points", null, null, (double) first.pointsTransferred())
                        .figure("LLM calls in discovery", 0, "calls", null, null, (double) first.llmCalls())
                        .figure("messages never analysed", neverMarked, "messages", "0", neverMarked == 0, (double)
                                (messages - oldSummarised))
                        .figure("OutOfMemoryError", 0, "", "none", true, null)
                        .note(String.format(
                                Locale.ROOT,
                                "%d collections x %d users x %d days; every 50th user heavy (120 exchanges a day), "
                                        + "the others 8. Ours: time from the admin run request until every "
                                        + "collection's cursor is committed (windows marked), read from PostgreSQL; "
                                        + "\"never analysed\" counts messages in (user, day) windows discovery did "
                                        + "not mark. Baseline: the old pattern's first cycle (its wall time is Qdrant "
                                        + "access only, LLM calls counted, not made); never analysed = messages no "
                                        + "summary piece covered after two cycles.",
                                COLLECTIONS,
                                usersPerCollection,
                                DAYS))
                        .write();
                BenchReport.scenario("8", "Start-up and memory")
                        .figure("JVM start to ready (packaged jar, empty database)", readyMillis, "ms")
                        .figure("RSS at ready", rssAtReady / 1024.0, "MB")
                        .figure("RSS after scenario 2 (-Xmx256m)", rssAfter / 1024.0, "MB")
                        .note("JVM mode (quarkus-run.jar), " + Runtime.version() + "; ready = first 200 from "
                                + "/q/health/ready, Flyway migrating an empty database included.")
                        .write();
                assertThat(neverMarked).isZero();
            }
        }
    }

    /**
     * Every collection's cursor committed at its newest message, without error. Discovery commits part way through a
     * collection, so a committed cursor alone does not say the collection is done.
     */
    private static boolean discovered(TestPostgres postgres, Map<String, Instant> newest) throws SQLException {
        try (Connection db = connect(postgres);
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT collection_name, cursor_at FROM enrichment_discovery_cursors WHERE last_error IS NULL")) {
            int done = 0;
            while (rs.next()) {
                Instant last = newest.get(rs.getString(1));
                // the cursor keeps microseconds of the float timestamp_unix
                if (last != null && !rs.getTimestamp(2).toInstant().isBefore(last.minusMillis(1))) {
                    done++;
                }
            }
            return done == newest.size();
        } catch (SQLException e) {
            // the schema may not be there yet
            return false;
        }
    }

    /** Each collection's newest timestamp_unix, read from the double in time order (one request each). */
    private static Map<String, Instant> newestMessages(QdrantTestTarget qdrant, List<String> collections)
            throws Exception {
        Map<String, Instant> newest = new HashMap<>();
        for (String collection : collections) {
            var page = qdrant.client()
                    .scrollAsync(ScrollPoints.newBuilder()
                            .setCollectionName(collection)
                            .setLimit(1)
                            .setOrderBy(OrderBy.newBuilder()
                                    .setKey("timestamp_unix")
                                    .setDirection(Direction.Desc))
                            .build())
                    .get();
            double seconds = page.getResult(0).getOrderValue().getFloat();
            newest.put(collection, Instant.ofEpochSecond(0, Math.round(seconds * 1e6) * 1_000L));
        }
        return newest;
    }

    /** Messages of the (bot, user, day) windows the data has and discovery did not mark. */
    private static long messagesInUnmarkedWindows(
            TestPostgres postgres, BenchConversations.Shape shape, int collections) throws SQLException {
        long missing = 0;
        try (Connection db = connect(postgres)) {
            for (int i = 0; i < collections; i++) {
                Map<String, Long> marked = new HashMap<>();
                try (var statement = db.prepareStatement(
                        "SELECT user_id, count(*) FROM enrichment_windows WHERE bot_name = ? GROUP BY user_id")) {
                    statement.setString(1, "first" + i);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            marked.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                for (int u = 0; u < shape.users(); u++) {
                    long windows = marked.getOrDefault("user-" + i + "-" + u, 0L);
                    missing += (shape.days() - Math.min(shape.days(), windows)) * 2L * shape.exchangesPerDay(u);
                }
            }
        }
        return missing;
    }

    private static Connection connect(TestPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }

    /**
     * CPU time (user and system) a process has used, from /proc: on a shared machine this says what discovery costs
     * better than the wall time does.
     */
    private static double cpuSeconds(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return Double.NaN;
        }
        String line = Files.readString(stat);
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / 100.0;
    }

    /** This JVM's CPU time (where the Qdrant double answers). */
    private static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static long rssKilobytes(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static Map<String, String> environment(TestPostgres postgres, int qdrantPort) {
        Map<String, String> env = LaunchedApp.connectedTo(postgres, DATABASE, "127.0.0.1", qdrantPort);
        env.put("API_ADMIN_KEYS", "bench-admin-key");
        env.put("API_BOT_KEYS", "bench-bot-key");
        env.put("LOOKBACK_DAYS", "7");
        return env;
    }
}
