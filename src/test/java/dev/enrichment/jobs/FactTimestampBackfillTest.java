package dev.enrichment.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.enrichment.testsupport.LogCapture;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FactTimestampBackfillTest extends JobsTestBase {

    private static final String CHECKSUM =
            "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM user_fact_relationships t";
    private static final String CONTENT = """
            SELECT string_agg(id::text || '=' || (context_metadata - 'backfilled_at')::text, '|' ORDER BY id)
            FROM user_fact_relationships
            """;

    @Inject
    FactTimestampBackfill backfill;

    @Test
    void dryRunReportsTheExactPlanAndWritesNothing() {
        BackfillScenario scenario = new BackfillScenario(sql, qdrant, points).seed();
        Object before = sql.value(CHECKSUM);
        QdrantTestDouble counters = qdrant.testDouble().orElse(null);
        if (counters != null) {
            counters.resetCounters();
        }

        Job job = awaitEnd(jobs.start(FactTimestampBackfill.KIND, ALL_BOTS, true, "admin key")
                .id());

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(perBot(job, "would_update")).isEqualTo(BackfillScenario.expectedPerBot());
        assertThat(map(job.counters))
                .containsEntry("found", 39)
                .containsEntry("would_update", 19)
                .containsEntry("skipped_no_messages", 18)
                .containsEntry("skipped_no_collection", 2)
                .containsEntry("failed", 0);
        assertThat(list(job.sample))
                .hasSize(19)
                .allSatisfy(change -> assertThat(scenario.expected)
                        .containsEntry(UUID.fromString((String) change.get("fact_id")), (String)
                                change.get("latest_message_timestamp")));
        assertThat(sql.value(CHECKSUM)).as("table unchanged, byte for byte").isEqualTo(before);
        if (counters != null) {
            // one single-page scan for the users of each bot name with a collection (not one per user), plus the
            // collection list
            assertThat(scenario.scannedGroups).isEqualTo(19);
            assertThat(counters.requestCount("Scroll"))
                    .isEqualTo(scenario.scans)
                    .isEqualTo(10);
            assertThat(counters.requestCount("List")).isEqualTo(1);
        }
    }

    @Test
    void liveRunWritesTheExpectedTimestampsAndASecondRunFindsNothingToDo() {
        BackfillScenario scenario = new BackfillScenario(sql, qdrant, points).seed();

        Job live = awaitEnd(jobs.start(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key")
                .id());

        assertThat(live.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(map(live.counters)).containsEntry("updated", 19).containsEntry("skipped_no_messages", 18);
        Map<UUID, String> written = new LinkedHashMap<>();
        for (Map<String, Object> row : sql.rows("""
                SELECT id, context_metadata ->> 'latest_message_timestamp' AS ts
                FROM user_fact_relationships
                WHERE context_metadata ->> 'backfilled_at' IS NOT NULL""")) {
            written.put((UUID) row.get("id"), (String) row.get("ts"));
        }
        assertThat(written).isEqualTo(scenario.expected);
        assertThat(sql.rows("""
                SELECT context_metadata ->> 'source' AS source, context_metadata ->> 'backfill_reason' AS reason,
                       context_metadata ->> 'backfilled_at' AS at
                FROM user_fact_relationships WHERE context_metadata ->> 'backfilled_at' IS NOT NULL""")).as("merged into the existing metadata").allSatisfy(row -> {
            assertThat(row.get("source")).isEqualTo("seed");
            assertThat(row.get("reason")).isEqualTo(FactTimestampBackfill.REASON);
            assertThat(row.get("at")).isEqualTo("2025-10-21T01:00:00");
        });
        assertThat(sql.value(
                        "SELECT context_metadata ->> 'latest_message_timestamp' FROM user_fact_relationships "
                                + "WHERE id = ?",
                        BackfillScenario.id("done")))
                .isEqualTo("2025-10-09T00:00:00");

        Object afterLive = sql.value(CHECKSUM);
        Job again = awaitEnd(jobs.start(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key")
                .id());
        assertThat(map(again.counters)).containsEntry("updated", 0).containsEntry("found", 20);
        assertThat(sql.value(CHECKSUM)).isEqualTo(afterLive);
    }

    @Test
    void aJobKilledHalfwayResumesAndEndsLikeAnUninterruptedOne() {
        new BackfillScenario(sql, qdrant, points).seed();
        Job uninterrupted = awaitEnd(jobs.start(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key")
                .id());
        Object expectedContent = sql.value(CONTENT);
        resetWorld();
        new BackfillScenario(sql, qdrant, points).seed();

        Job job = store.create(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key");
        Job running = store.markRunning(job.id);
        JobContext<FactTimestampBackfill.Parameters> dying =
                new JobContext<>(running, FactTimestampBackfill.Parameters.class, store, clock, jobsConfig()) {
                    private int saves;

                    @Override
                    boolean checkpointDue(int pending, int maxPending, Duration interval) {
                        return true;
                    }

                    @Override
                    void save(JobProgress progress, Record checkpoint, Runnable writes) {
                        super.save(progress, checkpoint, writes);
                        if (++saves == 9) {
                            throw new ProcessKilled();
                        }
                    }
                };
        assertThatThrownBy(() -> backfill.run(dying)).hasMessage("process killed");
        assertThat(store.find(job.id).orElseThrow().progressDone).isBetween(1L, 39L);

        clock.advance(Duration.ofMinutes(3));
        jobs.resumeStale();
        Job resumed = awaitEnd(job.id);

        assertThat(resumed.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sql.value(CONTENT)).isEqualTo(expectedContent);
        assertThat(resumed.counters).isEqualTo(uninterrupted.counters);
        assertThat(resumed.perBot).isEqualTo(uninterrupted.perBot);
    }

    @Test
    void aCancelledJobSavesWhatItReadAndStopsAtTheNextGroup() {
        assumeThat(qdrant.isDouble()).isTrue();
        new BackfillScenario(sql, qdrant, points).seed();
        QdrantTestDouble counters = qdrant.testDouble().orElseThrow();
        counters.resetCounters();
        counters.latency(Duration.ofMillis(150));
        try {
            UUID id = jobs.start(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key")
                    .id();
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> counters.requestCount("Scroll") > 0);

            assertThat(jobs.cancel(id)).isPresent();
            Job ended = awaitEnd(id);

            assertThat(ended.status).isEqualTo(JobStatus.CANCELLED);
            assertThat(ended.progressDone).isLessThan(39);
            assertThat(backfilledRows())
                    .as("the groups read before the cancel are written with the last checkpoint")
                    .isEqualTo(updated(ended));
        } finally {
            qdrant.testDouble().orElseThrow().clearFaults();
        }
    }

    @Test
    void writesTheGroupsBetweenTwoCheckpointsWithTheSecond() {
        new BackfillScenario(sql, qdrant, points).seed();
        Job job = store.create(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key");
        List<Long> writtenAtSave = new java.util.ArrayList<>();
        JobContext<FactTimestampBackfill.Parameters> everyFiveGroups =
                new JobContext<>(
                        store.markRunning(job.id), FactTimestampBackfill.Parameters.class, store, clock, jobsConfig()) {
                    @Override
                    boolean checkpointDue(int pending, int maxPending, Duration interval) {
                        return pending >= 5;
                    }

                    @Override
                    void save(JobProgress progress, Record checkpoint, Runnable writes) {
                        super.save(progress, checkpoint, writes);
                        writtenAtSave.add(backfilledRows());
                    }
                };

        BackfillTally.Result outcome = backfill.run(everyFiveGroups);

        // 21 groups: four checkpoints of five and the last group alone at the end
        assertThat(writtenAtSave).hasSize(5).isSorted();
        assertThat(writtenAtSave.get(0)).isBetween(1L, 18L);
        assertThat(writtenAtSave.get(4)).isEqualTo(19L);
        assertThat(outcome.totals().updated()).isEqualTo(19L);
    }

    @Test
    void aProcessKilledBetweenCheckpointsLeavesOnlyCheckpointedGroupsWrittenAndTheResumeRedoesTheOthers() {
        new BackfillScenario(sql, qdrant, points).seed();
        Job uninterrupted = awaitEnd(jobs.start(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key")
                .id());
        Object expectedContent = sql.value(CONTENT);
        resetWorld();
        BackfillScenario scenario = new BackfillScenario(sql, qdrant, points).seed();

        Job job = store.create(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key");
        JobContext<FactTimestampBackfill.Parameters> dying =
                new JobContext<>(
                        store.markRunning(job.id), FactTimestampBackfill.Parameters.class, store, clock, jobsConfig()) {
                    private int groupsRead;

                    @Override
                    boolean checkpointDue(int pending, int maxPending, Duration interval) {
                        if (++groupsRead == 10) {
                            throw new ProcessKilled();
                        }
                        return pending >= 4;
                    }
                };
        assertThatThrownBy(() -> backfill.run(dying)).hasMessage("process killed");

        // two checkpoints of four groups saved; the ninth and tenth group were read, never written
        Job killed = store.find(job.id).orElseThrow();
        Map<String, Object> checkpoint = map(killed.checkpoint);
        List<String> writtenGroups =
                sql.rows("""
                        SELECT DISTINCT mentioned_by_character || '/' || user_id AS grp FROM user_fact_relationships
                        WHERE context_metadata ->> 'backfilled_at' IS NOT NULL ORDER BY 1""").stream().map(row -> (String) row.get("grp")).toList();
        assertThat(writtenGroups)
                .isNotEmpty()
                .allSatisfy(group -> assertThat(group)
                        .isLessThanOrEqualTo(checkpoint.get("last_bot") + "/" + checkpoint.get("last_user_id")));
        assertThat(backfilledRows()).isEqualTo(updated(killed));
        assertThat(killed.progressDone).isLessThan(39L);

        clock.advance(Duration.ofMinutes(3));
        jobs.resumeStale();
        Job resumed = awaitEnd(job.id);

        assertThat(resumed.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sql.value(CONTENT)).isEqualTo(expectedContent);
        assertThat(resumed.counters).isEqualTo(uninterrupted.counters);
        assertThat(resumed.perBot).isEqualTo(uninterrupted.perBot);
        assertThat(scenario.expected).hasSize(19);
    }

    @Test
    void mergesIntoMissingAndStringMetadataAndFailsOnlyTheGroupWhoseRowCannotBeWritten() {
        BackfillScenario scenario = new BackfillScenario(sql, qdrant, points).seed();
        UUID missing = BackfillScenario.id("elena/user-a/after two");
        UUID asString = BackfillScenario.id("marcus/user-a/after two");
        UUID broken = BackfillScenario.id("aethys/user-a/after two");
        sql.update("UPDATE user_fact_relationships SET context_metadata = NULL WHERE id = ?", missing);
        sql.update(
                "UPDATE user_fact_relationships SET context_metadata = to_jsonb(CAST(? AS text)) WHERE id = ?",
                "{\"source\": \"string\"}",
                asString);
        // a JSON string that is not JSON: the merge cannot parse it, so the whole group's write fails
        sql.update(
                "UPDATE user_fact_relationships SET context_metadata = to_jsonb(CAST(? AS text)) WHERE id = ?",
                "not json",
                broken);

        Job job = awaitEnd(jobs.start(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key")
                .id());

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        // aethys/user-a plans two facts; every other group is written
        assertThat(map(job.counters))
                .containsEntry("updated", 17)
                .containsEntry("failed", 2)
                .containsEntry("skipped_no_messages", 18);
        assertThat(sql.value("SELECT context_metadata::text FROM user_fact_relationships WHERE id = ?", missing))
                .isEqualTo("{\"backfilled_at\": \"2025-10-21T01:00:00\", \"backfill_reason\": \""
                        + FactTimestampBackfill.REASON + "\", \"latest_message_timestamp\": \""
                        + scenario.expected.get(missing) + "\"}");
        assertThat(sql.value(
                        "SELECT context_metadata ->> 'source' FROM user_fact_relationships WHERE id = ?", asString))
                .isEqualTo("string");
        assertThat(sql.value(
                        "SELECT context_metadata ->> 'latest_message_timestamp' FROM user_fact_relationships"
                                + " WHERE id = ?",
                        asString))
                .isEqualTo(scenario.expected.get(asString));
        assertThat(((Number) sql.value(
                                "SELECT count(*) FROM user_fact_relationships WHERE mentioned_by_character = 'aethys'"
                                        + " AND context_metadata ->> 'backfilled_at' IS NOT NULL"))
                        .longValue())
                .isZero();
    }

    @Test
    void aCheckpointIsDueOnceEnoughGroupsWaitOrTheIntervalHasPassedSinceTheLastSave() {
        Job job = store.markRunning(store.create(FactTimestampBackfill.KIND, ALL_BOTS, true, "admin key").id);
        JobContext<FactTimestampBackfill.Parameters> context =
                new JobContext<>(job, FactTimestampBackfill.Parameters.class, store, clock, jobsConfig());
        Duration second = Duration.ofSeconds(1);

        assertThat(context.checkpointDue(4, 5, second)).isFalse();
        assertThat(context.checkpointDue(5, 5, second)).isTrue();
        clock.advance(Duration.ofMillis(999));
        assertThat(context.checkpointDue(1, 5, second)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(context.checkpointDue(1, 5, second)).isTrue();
        assertThat(context.checkpointDue(0, 5, second)).as("nothing to save").isFalse();

        context.save(new JobProgress(0, 0L, Map.of(), null), null, () -> {});
        assertThat(context.checkpointDue(1, 5, second)).isFalse();
        clock.advance(second);
        assertThat(context.checkpointDue(1, 5, second)).isTrue();
    }

    @Test
    void keepsOnlyTheRequestedBots() {
        new BackfillScenario(sql, qdrant, points).seed();

        Job job = awaitEnd(jobs.start(
                        FactTimestampBackfill.KIND,
                        new FactTimestampBackfill.Parameters(List.of("elena")),
                        true,
                        "admin key")
                .id());

        assertThat(map(job.perBot)).containsOnlyKeys("elena", "elena_7d");
        assertThat(map(job.counters)).containsEntry("would_update", 3);
    }

    @Test
    void recordsAGroupThatFailsAndGoesOn() {
        assumeThat(qdrant.isDouble()).isTrue();
        new BackfillScenario(sql, qdrant, points).seed();
        qdrant.testDouble().orElseThrow().failNext("Scroll", io.grpc.Status.UNAVAILABLE, 100);

        Job job;
        try (LogCapture clientErrors = QdrantTestDouble.expectedClientFailures()) {
            job = awaitEnd(jobs.start(
                            FactTimestampBackfill.KIND,
                            new FactTimestampBackfill.Parameters(List.of("aethys")),
                            false,
                            "admin key")
                    .id());
        }

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(map(job.counters)).containsEntry("failed", 4).containsEntry("updated", 0);
        qdrant.testDouble().orElseThrow().clearFaults();
    }

    @Test
    void aFailedScanOfSeveralUsersIsReadAgainUserByUser() {
        assumeThat(qdrant.isDouble()).isTrue();
        new BackfillScenario(sql, qdrant, points).seed();
        QdrantTestDouble counters = qdrant.testDouble().orElseThrow();
        counters.resetCounters();
        counters.failNext("Scroll", io.grpc.Status.UNAVAILABLE, 1);

        Job job;
        try (LogCapture clientErrors = QdrantTestDouble.expectedClientFailures()) {
            job = awaitEnd(jobs.start(
                            FactTimestampBackfill.KIND,
                            new FactTimestampBackfill.Parameters(List.of("aethys")),
                            false,
                            "admin key")
                    .id());
        } finally {
            counters.clearFaults();
        }

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(map(job.counters)).containsEntry("failed", 0).containsEntry("updated", 2);
        // the failed scan of user-a and user-b, then one scan each
        assertThat(counters.requestCount("Scroll")).isEqualTo(3);
    }

    @Inject
    JobsConfig config;

    /** Stands for the process dying: an Error, which no job code catches, so the job stays "running". */
    static final class ProcessKilled extends Error {
        ProcessKilled() {
            super("process killed");
        }
    }

    /** The job's saved count of updated facts; 0 before its first checkpoint. */
    private static long updated(Job job) {
        return job.counters == null ? 0 : ((Number) map(job.counters).get("updated")).longValue();
    }

    private long backfilledRows() {
        return ((Number) sql.value("SELECT count(*) FROM user_fact_relationships"
                        + " WHERE context_metadata ->> 'backfilled_at' IS NOT NULL"))
                .longValue();
    }

    private JobsConfig jobsConfig() {
        return config;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Long>> perBot(Job job, String updatedKey) {
        Map<String, List<Long>> table = new LinkedHashMap<>();
        map(job.perBot).forEach((bot, value) -> {
            Map<String, Object> row = (Map<String, Object>) value;
            table.put(
                    bot,
                    List.of(
                            number(row.get("found")),
                            number(row.get(updatedKey)),
                            number(row.get("skipped_no_messages")),
                            number(row.get("skipped_no_collection")),
                            number(row.get("failed"))));
        });
        return new java.util.TreeMap<>(table);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
