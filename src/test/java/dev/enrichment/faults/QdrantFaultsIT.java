package dev.enrichment.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.testsupport.LaunchedApp;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Qdrant slow and refusing scrolls while the service pages through it (discovery and window reads): with no manual
 * step the database ends as in an undisturbed run.
 */
@EnabledIfSystemProperty(named = "reliability.long", matches = "true")
class QdrantFaultsIT {

    private static FaultWorld world;
    private static Outcome reference;

    @BeforeAll
    static void reference() throws Exception {
        world = FaultWorld.get();
        assumeTrue(world.hasQdrantDouble(), "faults are injected into the Qdrant test double");
        reference = Reference.outcome();
    }

    @Test
    void unavailableAndSlowScrollsMidScanEndLikeAnUndisturbedRun() throws Exception {
        String database = "faults_qdrant_mid_scan";
        int failures = FaultWorld.LONG ? 12 : 4;
        world.prepare(database);
        QdrantTestDouble qdrant = world.qdrantDouble();
        qdrant.latency(Duration.ofMillis(150));
        qdrant.failNext("Scroll", Status.UNAVAILABLE.withDescription("injected outage"), failures);
        try (LaunchedApp app = world.launch("qdrant-mid-scan", database, Map.of())) {
            world.awaitSettled(database, world.data().windowCount(), Duration.ofMinutes(3));
            long scrolls = qdrant.requestCount("Scroll");
            qdrant.clearFaults();

            assertThat(scrolls).as("scrolls, the failed ones included").isGreaterThan(failures);
            MatrixAssertions.assertSameAsReference(world.outcome(database), reference, app.output());
            System.out.printf(
                    "[faults] Qdrant: %d scrolls UNAVAILABLE and 150 ms on every call; %d scrolls in all%n",
                    failures, scrolls);
        }
    }
}
