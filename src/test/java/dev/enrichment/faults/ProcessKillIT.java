package dev.enrichment.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.testsupport.LaunchedApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code kill -9} of the packaged service during an LLM call, during the commit of a window, and of one of two
 * replicas; after a restart (or with the survivor) the database must be what an undisturbed run leaves.
 */
class ProcessKillIT {

    private static FaultWorld world;
    private static Outcome reference;

    @BeforeAll
    static void reference() throws Exception {
        world = FaultWorld.get();
        assumeTrue(world.hasQdrantDouble(), "the scenarios reseed Qdrant between runs");
        reference = Reference.outcome();
    }

    @Test
    void killedDuringAnAnalysisRestartsAndEndsLikeAnUndisturbedRun() throws Exception {
        String database = "faults_kill_analysis";
        int kills = FaultWorld.LONG ? 3 : 1;
        world.prepare(database);
        world.analyst().latency(Duration.ofSeconds(3));
        for (int kill = 1; kill <= kills; kill++) {
            int callsBefore = world.analyst().calls();
            try (LaunchedApp app = world.launch("kill-analysis-" + kill, database, Map.of())) {
                // two workers: once two calls have arrived, both are waiting for their 3 s answer
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> world.analyst().calls() >= callsBefore + 2 || !app.isAlive());
                app.kill();
            }
            assertThat(world.count(database, "SELECT count(*) FROM enrichment_windows WHERE status = 'processing'"))
                    .as("windows held by the killed process")
                    .isPositive();
        }
        world.analyst().latency(Duration.ZERO);

        finishAndCompare(database, "kill-analysis-restart");
    }

    @Test
    @EnabledIfSystemProperty(named = "reliability.long", matches = "true")
    void killedWhileItsCommitWaitsLosesNothingWhenTheCommitLandsAfterItsDeath() throws Exception {
        String database = "faults_kill_commit_lands";
        long summaryId = killDuringCommit(database, false);

        assertThat(world.count(database, "SELECT count(*) FROM conversation_summaries WHERE id = " + summaryId))
                .as("the transaction the dead process committed")
                .isEqualTo(1);
        finishAndCompare(database, "kill-commit-lands-restart");
    }

    @Test
    @EnabledIfSystemProperty(named = "reliability.long", matches = "true")
    void killedWhileItsCommitWaitsLosesNothingWhenTheCommitIsRolledBack() throws Exception {
        String database = "faults_kill_commit_aborted";
        long summaryId = killDuringCommit(database, true);

        assertThat(world.count(database, "SELECT count(*) FROM conversation_summaries WHERE id = " + summaryId))
                .as("the transaction PostgreSQL rolled back when its client died")
                .isZero();
        finishAndCompare(database, "kill-commit-aborted-restart");
    }

    @Test
    @EnabledIfSystemProperty(named = "reliability.long", matches = "true")
    void twoReplicasOneKilledTheOtherFinishesEverythingOnce() throws Exception {
        String database = "faults_two_replicas";
        world.prepare(database);
        world.analyst().latency(Duration.ofSeconds(1));
        try (LaunchedApp survivor = world.launch("replica-survivor", database, Map.of());
                LaunchedApp victim = world.launch("replica-victim", database, Map.of())) {
            // the victim is killed once it holds windows of its own while the survivor holds others
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(() -> world.count(
                                            database,
                                            "SELECT count(DISTINCT lease_owner) FROM enrichment_windows"
                                                    + " WHERE status = 'processing'")
                                    == 2
                            || !victim.isAlive());
            victim.kill();
            world.analyst().latency(Duration.ofMillis(100));

            world.awaitSettled(database, world.data().windowCount(), Duration.ofMinutes(3));
            Outcome outcome = world.outcome(database);
            MatrixAssertions.assertSameAsReference(outcome, reference, survivor.output());
        }
    }

    /**
     * Makes the third summary's commit wait 5 s inside PostgreSQL (a deferred constraint trigger runs at COMMIT),
     * kills the service while it waits, and returns that summary's id. With {@code abortOnDisconnect} PostgreSQL
     * notices the dead client and rolls the commit back; otherwise the commit completes after the process is gone.
     */
    private static long killDuringCommit(String database, boolean abortOnDisconnect) throws Exception {
        world.prepare(database);
        world.analyst().latency(Duration.ofMillis(500));
        if (abortOnDisconnect) {
            world.execute(database, "ALTER DATABASE " + database + " SET client_connection_check_interval = '200ms'");
        }
        String summaryId;
        try (LaunchedApp app = world.launch("kill-commit-" + abortOnDisconnect, database, Map.of())) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> world.tableExists(database, "conversation_summaries") || !app.isAlive());
            world.execute(database, """
                    CREATE SEQUENCE fault_commit_seq;
                    CREATE FUNCTION fault_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF nextval('fault_commit_seq') = 3 THEN
                            PERFORM set_config('application_name', 'fault-commit:' || NEW.id, true);
                            PERFORM pg_sleep(5);
                        END IF;
                        RETURN NULL;
                    END $$;
                    CREATE CONSTRAINT TRIGGER fault_slow_commit AFTER INSERT ON conversation_summaries
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fault_slow_commit();
                    """);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> world.count(
                                            database,
                                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'"
                                                    + " AND application_name LIKE 'fault-commit:%'")
                                    == 1
                            || !app.isAlive());
            summaryId = world.text(
                    database,
                    "SELECT substring(application_name FROM 14) FROM pg_stat_activity"
                            + " WHERE application_name LIKE 'fault-commit:%'");
            app.kill();
        }
        // the backend of the dead process ends either way: committed late, or rolled back on the disconnect
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> world.count(
                                database,
                                "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'fault-commit:%'")
                        == 0);
        assertThat(summaryId).isNotNull();
        return Long.parseLong(summaryId);
    }

    private static void finishAndCompare(String database, String name) throws Exception {
        try (LaunchedApp app = world.launch(name, database, Map.of())) {
            world.awaitSettled(database, world.data().windowCount(), Duration.ofMinutes(3));
            Outcome outcome = world.outcome(database);
            MatrixAssertions.assertSameAsReference(outcome, reference, app.output());
        }
    }
}
