package dev.enrichment.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.bench.baseline.OldWorkerBaseline;
import dev.enrichment.pipeline.CycleOutcome;
import dev.enrichment.pipeline.EnrichmentCycle;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1: an idle cycle. 10 collections, 10,000 users, 1,000,000 stored messages, all processed (discovery
 * cursors at the newest message, every window done). Our cycle's Qdrant requests and wall time, then the old worker's
 * idle cycle on the same data.
 */
@QuarkusTest
@Order(1)
class IdleCycleBenchmark {

    private static final int COLLECTIONS = 10;
    private static final int DAYS = 5;
    private static final int EXCHANGES_PER_DAY = 10;
    private static final int MEASURED_CYCLES = 10;

    @Inject
    EnrichmentCycle cycle;

    @Inject
    DataSource dataSource;

    @Test
    void idleCycleOfAMillionProcessedMessages() {
        assumeTrue(QdrantTestResource.target().isDouble(), "counts requests on the Qdrant test double");
        BenchWorld world = BenchWorld.reset(dataSource);
        int users = BenchReport.scaled(10_000, COLLECTIONS);
        int usersPerCollection = users / COLLECTIONS;
        Instant now = Instant.now();
        Instant newestDay = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        BenchConversations.Shape shape =
                new BenchConversations.Shape(usersPerCollection, DAYS, EXCHANGES_PER_DAY, newestDay);
        List<String> collections = world.collections("idle", COLLECTIONS);
        long seedStart = System.nanoTime();
        long messages = 0;
        for (int i = 0; i < collections.size(); i++) {
            messages += BenchConversations.seed(world.qdrant, collections.get(i), "user-" + i + "-", shape, i);
            world.sql.update(
                    """
                    INSERT INTO enrichment_discovery_cursors (collection_name, bot_name, cursor_at, overlap_point_ids,
                        updated_at)
                    VALUES (?, ?, ?, '{}', ?)""",
                    collections.get(i),
                    BenchWorld.botOf(collections.get(i)),
                    Timestamp.from(now.minus(Duration.ofHours(1))),
                    Timestamp.from(now));
            world.sql.update(
                    """
                    INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status,
                        newest_message_at, marked_count, attempts, created_at, updated_at, last_analyzed_at)
                    SELECT ?, ? || u, d, d + interval '1 day', 'done', d + interval '21 hours', 1, 1, ?, ?, ?
                      FROM generate_series(0, ? - 1) u, generate_series(?::timestamptz, ?::timestamptz, interval '1 day') d""",
                    BenchWorld.botOf(collections.get(i)),
                    "user-" + i + "-",
                    Timestamp.from(now),
                    Timestamp.from(now),
                    Timestamp.from(now),
                    usersPerCollection,
                    Timestamp.from(shape.firstDay()),
                    Timestamp.from(newestDay));
        }
        world.sql.update("ANALYZE enrichment_windows");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        // warm-up: the first cycles load classes and fill the connection pool
        for (int i = 0; i < 3; i++) {
            cycle.run();
        }
        List<Long> wall = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < MEASURED_CYCLES; i++) {
            long before = world.qdrantDouble.totalRequests();
            long start = System.nanoTime();
            CycleOutcome outcome = cycle.run();
            wall.add(System.nanoTime() - start);
            requests.add(world.qdrantDouble.totalRequests() - before);
            assertThat(outcome.newMessages()).isZero();
            assertThat(outcome.analysed()).isZero();
        }
        long[] wallSorted = BenchWorld.sorted(wall);
        long maxRequests = requests.stream().mapToLong(Long::longValue).max().orElseThrow();
        long pointsBefore = world.qdrantDouble.pointsReturned();
        cycle.run();
        long ourPoints = world.qdrantDouble.pointsReturned() - pointsBefore;

        OldWorkerBaseline baseline = new OldWorkerBaseline(
                world.qdrant.client(), now.minus(Duration.ofDays(14)).getEpochSecond());
        baseline.assumeProcessedUpTo(collections, now.getEpochSecond());
        world.qdrantDouble.resetCounters();
        OldWorkerBaseline.CycleFigures old = baseline.cycle(collections);
        assertThat(world.qdrantDouble.totalRequests()).isEqualTo(old.qdrantRequests());

        double p50 = BenchWorld.millis(wallSorted, 0.5);
        BenchReport.scenario("1", "Idle cycle")
                .figure("collections", COLLECTIONS, "")
                .figure("users", users, "")
                .figure("stored messages (all processed)", messages, "")
                .figure(
                        "Qdrant requests per cycle",
                        maxRequests,
                        "requests",
                        "<= " + (1 + COLLECTIONS),
                        maxRequests <= 1 + COLLECTIONS,
                        (double) old.qdrantRequests())
                .figure("points transferred per cycle", ourPoints, "points", null, null, (double)
                        old.pointsTransferred())
                .figure("LLM calls per cycle", 0, "calls", null, null, (double) old.llmCalls())
                .figure(
                        "wall time per cycle, median of " + MEASURED_CYCLES,
                        p50,
                        "ms",
                        "< 200 ms",
                        p50 < 200,
                        old.wallNanos() / 1e6)
                .figure("wall time per cycle, max", wallSorted[wallSorted.length - 1] / 1e6, "ms")
                .note(String.format(
                        "Data: %d collections x %d users x %d days x %d exchanges (user message + reply; no pair "
                                + "points), seeded in %.1f s. Our cycle in the test JVM (JVM mode), against the "
                                + "in-process Qdrant double with payload indexes on user_id/timestamp_unix.",
                        COLLECTIONS, usersPerCollection, DAYS, EXCHANGES_PER_DAY, seedSeconds))
                .write();
        // the next benchmark seeds its own million points: give this memory back
        world.qdrant.deleteAllCollections();
        assertThat(maxRequests).isLessThanOrEqualTo(1 + COLLECTIONS);
    }
}
