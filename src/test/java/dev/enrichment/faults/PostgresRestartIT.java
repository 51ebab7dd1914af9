package dev.enrichment.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.testsupport.LaunchedApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for a while in the middle of a cycle, then started again: readiness is DOWN while it is gone
 * and UP after, the service stays up, and with no manual step the work completes as in an undisturbed run.
 */
class PostgresRestartIT {

    private static FaultWorld world;
    private static Outcome reference;

    @BeforeAll
    static void reference() throws Exception {
        world = FaultWorld.get();
        assumeTrue(world.hasQdrantDouble(), "the scenarios reseed Qdrant between runs");
        assumeTrue(!world.postgres().isExternal(), "the test stops the PostgreSQL cluster it started");
        reference = Reference.outcome();
    }

    @Test
    void stoppedMidCycleReadinessGoesDownThenUpAndTheWorkCompletes() throws Exception {
        String database = "faults_postgres_mid_cycle";
        Duration outage = Duration.ofSeconds(FaultWorld.LONG ? 20 : 10);
        int outages = FaultWorld.LONG ? 2 : 1;
        world.prepare(database);
        world.analyst().latency(Duration.ofMillis(700));
        try (LaunchedApp app = world.launch("postgres-mid-cycle", database, Map.of())) {
            FaultWorld.awaitUp(app);
            for (int i = 1; i <= outages; i++) {
                int summariesBefore = i * 3;
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(100))
                        .ignoreExceptions()
                        .until(() -> world.count(database, "SELECT count(*) FROM conversation_summaries")
                                >= summariesBefore);
                int summariesAtStop = world.count(database, "SELECT count(*) FROM conversation_summaries");
                assertThat(summariesAtStop)
                        .as("stopped mid-cycle")
                        .isLessThan(world.data().eligibleWindows().size());

                world.postgres().stopServerKeepingData();
                try {
                    await().atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> app.get("/q/health/ready").status() == 503);
                    LaunchedApp.Response down = app.get("/q/health/ready");
                    assertThat(down.body()).contains("\"DOWN\"");
                    // for the whole outage the process stays up and keeps saying it is not ready
                    await().during(outage)
                            .atMost(outage.plusSeconds(10))
                            .pollInterval(Duration.ofMillis(500))
                            .until(() ->
                                    app.isAlive() && app.get("/q/health/ready").status() == 503);
                } finally {
                    world.postgres().restartServer();
                }
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> app.get("/q/health/ready").status() == 200);
                System.out.printf(
                        "[faults] PostgreSQL stopped %d s with %d of %d summaries stored; readiness DOWN, then UP%n",
                        outage.toSeconds(),
                        summariesAtStop,
                        world.data().eligibleWindows().size());
            }
            world.analyst().latency(Duration.ZERO);

            world.awaitSettled(database, world.data().windowCount(), Duration.ofMinutes(3));
            MatrixAssertions.assertSameAsReference(world.outcome(database), reference, app.output());
        }
    }
}
