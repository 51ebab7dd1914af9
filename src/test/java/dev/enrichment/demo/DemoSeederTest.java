package dev.enrichment.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.util.concurrent.ListenableFuture;
import dev.enrichment.demo.DemoDataSet.DemoCollection;
import dev.enrichment.testsupport.LogCapture;
import dev.enrichment.testsupport.MutableClock;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.grpc.Status;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeding through the application's own Qdrant client, against the shared Qdrant test target. */
@QuarkusTest
class DemoSeederTest {

    private static final Instant NOW = Instant.parse("2025-10-22T15:30:00Z");

    @Inject
    DemoSeeder seeder;

    private final MutableClock clock = new MutableClock(NOW);
    private final QdrantTestTarget qdrant = QdrantTestResource.target();

    @BeforeEach
    void pinClockAndStartWithoutDemoCollections() {
        QuarkusMock.installMockForType(clock, Clock.class);
        dropDemoCollections();
    }

    /** Other tests count collections; the demo ones must not outlive this test. */
    @AfterEach
    void dropDemoCollections() {
        qdrant.testDouble().ifPresent(QdrantTestDouble::clearFaults);
        DemoDataSet.collectionNames().forEach(qdrant::deleteCollection);
    }

    @Test
    void seedsTheDemoCollectionsOnceWithTheDataSetOfToday() {
        DemoDataSet expected = DemoDataSet.build(LocalDate.of(2025, 10, 22), NOW);

        DemoSeedOutcome first = seeder.seedIfAbsent();

        assertThat(first.status()).isEqualTo(DemoSeedOutcome.Status.SEEDED);
        assertThat(first.collections()).isEqualTo(DemoDataSet.collectionNames());
        assertThat(first.messages()).isEqualTo(expected.messageCount());
        assertThat(first.points()).isEqualTo(expected.pointCount());
        Map<String, Long> counts = pointCounts();
        for (DemoCollection collection : expected.collections()) {
            assertThat(counts.get(collection.name()))
                    .as(collection.name())
                    .isEqualTo(collection.points().size());
            CollectionInfo info = get(qdrant.client().getCollectionInfoAsync(collection.name()));
            Map<String, VectorParams> vectors = info.getConfig()
                    .getParams()
                    .getVectorsConfig()
                    .getParamsMap()
                    .getMapMap();
            assertThat(vectors).containsOnlyKeys("content", "emotion", "semantic");
            assertThat(vectors.values())
                    .allSatisfy(params -> assertThat(params.getSize()).isEqualTo(384));
            assertThat(info.getPayloadSchemaMap()).containsOnlyKeys(DemoCollectionLayout.PAYLOAD_INDEXES.keySet());
        }

        clock.set(NOW.plusSeconds(3_600));
        DemoSeedOutcome second = seeder.seedIfAbsent();

        assertThat(second.status()).isEqualTo(DemoSeedOutcome.Status.ALREADY_PRESENT);
        assertThat(second.collections()).isEqualTo(DemoDataSet.collectionNames());
        assertThat(pointCounts()).isEqualTo(counts);
    }

    @Test
    void writesNothingWhenOneDemoCollectionAlreadyExists() {
        qdrant.createWhisperEngineCollection("whisperengine_memory_dotty");

        DemoSeedOutcome outcome = seeder.seedIfAbsent();

        assertThat(outcome.status()).isEqualTo(DemoSeedOutcome.Status.ALREADY_PRESENT);
        assertThat(outcome.collections()).containsExactly("whisperengine_memory_dotty");
        List<String> names = get(qdrant.client().listCollectionsAsync());
        assertThat(names)
                .contains("whisperengine_memory_dotty")
                .doesNotContain("whisperengine_memory_elena", "whisperengine_memory_marcus_7d");
        assertThat(get(qdrant.client().countAsync("whisperengine_memory_dotty")))
                .isZero();
    }

    @Test
    void aQdrantFailureIsReportedNotThrownAndLeavesNoHalfSeededCollection() {
        assumeTrue(qdrant.isDouble(), "fault injection needs the test double");
        qdrant.testDouble().orElseThrow().failNext("Upsert", Status.UNAVAILABLE.withDescription("injected"), 1);

        DemoSeedOutcome outcome;
        try (LogCapture client = QdrantTestDouble.expectedClientFailures();
                LogCapture seederLog = LogCapture.expecting(DemoSeeder.class.getName(), "injected")) {
            outcome = seeder.seedIfAbsent();
            assertThat(seederLog.entries())
                    .as("the failure is logged, naming the cause")
                    .isNotEmpty();
        }

        assertThat(outcome.status()).isEqualTo(DemoSeedOutcome.Status.FAILED);
        assertThat(get(qdrant.client().listCollectionsAsync()))
                .doesNotContainAnyElementsOf(DemoDataSet.collectionNames());
        assertThat(seeder.seedIfAbsent().status())
                .as("the next attempt starts afresh")
                .isEqualTo(DemoSeedOutcome.Status.SEEDED);
    }

    private Map<String, Long> pointCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : DemoDataSet.collectionNames()) {
            counts.put(name, get(qdrant.client().countAsync(name, Filter.getDefaultInstance(), true)));
        }
        return counts;
    }

    private static <T> T get(ListenableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
