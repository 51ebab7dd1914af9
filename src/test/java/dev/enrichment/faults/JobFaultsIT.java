package dev.enrichment.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.testsupport.LaunchedApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fact timestamp backfill (an admin job with checkpoints) disturbed mid-run: its process killed, or PostgreSQL
 * stopped under it. With no manual step the job ends {@code succeeded} and every fact carries the timestamp an
 * undisturbed backfill of the same facts writes.
 */
@EnabledIfSystemProperty(named = "reliability.long", matches = "true")
class JobFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BACKFILLED =
            "SELECT count(*) FROM user_fact_relationships" + " WHERE context_metadata ->> 'backfilled_at' IS NOT NULL";
    private static final String TIMESTAMPS = "SELECT string_agg(user_id || ' ' || relationship_type || ' '"
            + " || (context_metadata ->> 'latest_message_timestamp'), '; ' ORDER BY user_id, relationship_type, entity_id)"
            + " FROM user_fact_relationships";
    /**
     * Stale jobs are found and resumed within seconds instead of the default minutes. The backfill reads one user per
     * scan, two scans at once, so that its few groups take several checkpoints (one scan per bot would read them all
     * before the first) and a test can disturb it in the middle.
     */
    private static final Map<String, String> QUICK_JOBS = Map.of(
            "JOBS_HEARTBEAT_INTERVAL", "1s",
            "JOBS_STALE_AFTER", "5s",
            "JOBS_STALE_CHECK_INTERVAL", "1s",
            "JOBS_BACKFILL_USERS_PER_SCAN", "1",
            "JOBS_BACKFILL_CONCURRENCY", "2");

    private static FaultWorld world;

    @BeforeAll
    static void world() throws Exception {
        world = FaultWorld.get();
        assumeTrue(world.hasQdrantDouble(), "the scenarios reseed Qdrant between runs");
        Reference.outcome();
    }

    @Test
    void aBackfillWhoseProcessIsKilledIsResumedByTheNextStartAndWritesWhatAnUndisturbedOneWrites() throws Exception {
        String database = "faults_backfill_kill";
        String undisturbed;
        String jobId;
        world.prepare(database);
        try (LaunchedApp first = world.launch("backfill-first", database, QUICK_JOBS)) {
            undisturbed = settledFactsWithUndisturbedBackfill(database, first);
            forgetTimestamps(database);
            world.qdrantDouble().latency(Duration.ofMillis(700));
            jobId = startBackfill(first);
            awaitSomeGroupsBackfilled(database);
            first.kill();
        }
        int atKill = world.count(database, BACKFILLED);
        world.qdrantDouble().latency(Duration.ZERO);
        try (LaunchedApp second = world.launch("backfill-second", database, QUICK_JOBS)) {
            JsonNode job = awaitJobEnd(second, jobId);

            assertThat(job.path("status").asText()).as(second.output()).isEqualTo("succeeded");
            assertThat(world.text(database, TIMESTAMPS)).isEqualTo(undisturbed);
            System.out.printf(
                    "[faults] backfill killed with %d of %d facts done; resumed by the next start: %s%n",
                    atKill,
                    world.count(database, "SELECT count(*) FROM user_fact_relationships"),
                    job.path("counters"));
        }
    }

    @Test
    void aBackfillWhosePostgresStopsForAWhileEndsWithoutAManualStep() throws Exception {
        assumeTrue(!world.postgres().isExternal(), "the test stops the PostgreSQL cluster it started");
        String database = "faults_backfill_postgres";
        world.prepare(database);
        try (LaunchedApp app = world.launch("backfill-postgres", database, QUICK_JOBS)) {
            String undisturbed = settledFactsWithUndisturbedBackfill(database, app);
            forgetTimestamps(database);
            world.qdrantDouble().latency(Duration.ofMillis(700));
            String jobId = startBackfill(app);
            awaitSomeGroupsBackfilled(database);
            world.postgres().stopServerKeepingData();
            try {
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> app.get("/q/health/ready").status() == 503);
                await().during(Duration.ofSeconds(10))
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(500))
                        .until(app::isAlive);
            } finally {
                world.postgres().restartServer();
            }
            world.qdrantDouble().latency(Duration.ZERO);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> app.get("/q/health/ready").status() == 200);
            JsonNode job = awaitJobEnd(app, jobId);

            assertThat(job.path("status").asText()).as(app.output()).isEqualTo("succeeded");
            assertThat(world.text(database, TIMESTAMPS)).isEqualTo(undisturbed);
            System.out.printf("[faults] backfill with PostgreSQL stopped 10 s: %s%n", job.path("counters"));
        }
    }

    /** Lets the cycle settle, runs one undisturbed backfill of its facts and returns the timestamps it wrote. */
    private static String settledFactsWithUndisturbedBackfill(String database, LaunchedApp app) throws Exception {
        world.awaitSettled(database, world.data().windowCount(), Duration.ofMinutes(3));
        forgetTimestamps(database);
        JsonNode job = awaitJobEnd(app, startBackfill(app));
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        assertThat(world.count(database, BACKFILLED))
                .isEqualTo(world.count(database, "SELECT count(*) FROM user_fact_relationships"))
                .isPositive();
        return world.text(database, TIMESTAMPS);
    }

    /** Makes the facts look like the old worker's: no message timestamp, nothing backfilled. */
    private static void forgetTimestamps(String database) {
        world.execute(
                database,
                "UPDATE user_fact_relationships SET context_metadata = context_metadata"
                        + " - 'latest_message_timestamp' - 'backfilled_at' - 'backfill_reason'");
    }

    private static String startBackfill(LaunchedApp app) throws Exception {
        FaultWorld.awaitUp(app);
        LaunchedApp.Response started =
                app.post("/api/v1/admin/jobs/fact-timestamp-backfill", FaultWorld.ADMIN_KEY, "{\"dry_run\": false}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return JSON.readTree(started.body()).path("id").asText();
    }

    /** Some (bot, user) groups done and checkpointed, not all: the job is in the middle. */
    private static void awaitSomeGroupsBackfilled(String database) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> world.count(database, BACKFILLED) >= 2);
        assertThat(world.count(database, BACKFILLED))
                .isLessThan(world.count(database, "SELECT count(*) FROM user_fact_relationships"));
    }

    private static JsonNode awaitJobEnd(LaunchedApp app, String jobId) throws Exception {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    LaunchedApp.Response job = app.get("/api/v1/admin/jobs/" + jobId, FaultWorld.ADMIN_KEY);
                    return job.status() == 200
                            && !JSON.readTree(job.body())
                                    .path("status")
                                    .asText()
                                    .matches("queued|running");
                });
        return JSON.readTree(
                app.get("/api/v1/admin/jobs/" + jobId, FaultWorld.ADMIN_KEY).body());
    }
}
