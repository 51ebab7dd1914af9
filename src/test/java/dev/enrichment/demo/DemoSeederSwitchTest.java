package dev.enrichment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.MutableClock;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.quarkus.runtime.StartupEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The start-up observer is a no-op unless ENRICHMENT_DEMO_SEED=true. */
class DemoSeederSwitchTest {

    @Test
    void doesNotTouchQdrantWhenSeedingIsOff() {
        try (QdrantTestDouble qdrant = new QdrantTestDouble().start();
                QdrantClient client =
                        new QdrantClient(QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.port(), false, false)
                                .build())) {
            // Qdrant and pipeline settings stay null: with seeding off, the seeder must not even read them.
            DemoSeeder seeder = new DemoSeeder(
                    client, null, () -> false, null, new MutableClock(Instant.parse("2025-10-22T15:30:00Z")));

            seeder.onStart(new StartupEvent());

            assertThat(qdrant.totalRequests()).isZero();
        }
    }
}
