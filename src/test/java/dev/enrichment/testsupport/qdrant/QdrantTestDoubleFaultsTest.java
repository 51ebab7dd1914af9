package dev.enrichment.testsupport.qdrant;

import static dev.enrichment.testsupport.qdrant.ClientCalls.await;
import static dev.enrichment.testsupport.qdrant.ClientCalls.failureOf;
import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.demo.WhisperEnginePoints;
import io.grpc.Status;
import io.qdrant.client.grpc.Points.ScrollPoints;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Request counters, fault injection and latency of the double, seen through the real client. */
@ExtendWith(ExpectQdrantClientFailures.class)
class QdrantTestDoubleFaultsTest {

    private static final String COLLECTION = "whisperengine_memory_elena";

    private static QdrantTestTarget target;
    private static QdrantTestDouble qdrant;

    @BeforeAll
    static void start() {
        target = QdrantTestTarget.create();
        assumeTrue(target.isDouble(), "counters and faults exist only on the test double");
        qdrant = target.testDouble().orElseThrow();
    }

    @BeforeEach
    void seeded() {
        qdrant.reset();
        target.createWhisperEngineCollection(COLLECTION);
        target.upsert(
                COLLECTION,
                WhisperEnginePoints.writer().exchange("u1", LocalDateTime.of(2025, 10, 19, 8, 0), "hello", "hi"));
    }

    @AfterAll
    static void close() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void seedingThroughTheTargetIsNotCounted() {
        assertThat(qdrant.totalRequests()).isZero();
        assertThat(qdrant.pointCount(COLLECTION)).isEqualTo(3);
    }

    @Test
    void countsEveryCallPerRpcIncludingFailures() {
        await(target.client().listCollectionsAsync());
        await(target.client().scrollAsync(scroll()));
        await(target.client().scrollAsync(scroll()));
        failureOf(target.client().countAsync("missing"));

        assertThat(qdrant.requestCount("List")).isEqualTo(1);
        assertThat(qdrant.requestCount("Scroll")).isEqualTo(2);
        assertThat(qdrant.requestCount("Count")).isEqualTo(1);
        assertThat(qdrant.requestCount("HealthCheck")).isZero();
        assertThat(qdrant.totalRequests()).isEqualTo(4);

        qdrant.resetCounters();
        assertThat(qdrant.totalRequests()).isZero();
    }

    @Test
    void bareNamesCoverBothServicesAndQualifiedNamesOne() {
        await(target.client().getCollectionInfoAsync(COLLECTION));
        await(target.client().retrieveAsync(COLLECTION, List.of(id(1)), false, false, null));

        assertThat(qdrant.requestCount("Get")).isEqualTo(2);
        assertThat(qdrant.requestCount("Collections/Get")).isEqualTo(1);
        assertThat(qdrant.requestCount("Points/Get")).isEqualTo(1);
    }

    @Test
    void failNextFailsOnlyTheGivenNumberOfCallsOfThatRpc() {
        qdrant.failNext("Scroll", Status.RESOURCE_EXHAUSTED, 2);

        assertThat(failureOf(target.client().scrollAsync(scroll())).getStatus().getCode())
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(await(target.client().countAsync(COLLECTION))).isEqualTo(3);
        assertThat(failureOf(target.client().scrollAsync(scroll())).getStatus().getCode())
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(await(target.client().scrollAsync(scroll())).getResultCount())
                .isEqualTo(3);
        assertThat(qdrant.requestCount("Scroll")).isEqualTo(3);
    }

    @Test
    void failAllSurfacesUnavailableThroughTheClientUntilCleared() {
        qdrant.failAll(Status.UNAVAILABLE.withDescription("qdrant is down"));

        assertThat(failureOf(target.client().listCollectionsAsync()).getStatus().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(failureOf(target.client().scrollAsync(scroll())).getStatus().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(failureOf(target.client().healthCheckAsync()).getStatus().getDescription())
                .isEqualTo("qdrant is down");

        qdrant.clearFaults();
        assertThat(await(target.client().listCollectionsAsync())).containsExactly(COLLECTION);
    }

    @Test
    void latencyDelaysEveryCallPastAShortDeadline() {
        qdrant.latency(Duration.ofMillis(300));

        long started = System.nanoTime();
        await(target.client().healthCheckAsync());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Status.Code timedOut = failureOf(target.client().healthCheckAsync(Duration.ofMillis(50)))
                .getStatus()
                .getCode();

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(timedOut).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    }

    @Test
    void resetDropsCollectionsCountersAndFaults() {
        await(target.client().listCollectionsAsync());
        qdrant.failAll(Status.UNAVAILABLE);

        qdrant.reset();

        assertThat(await(target.client().listCollectionsAsync())).isEmpty();
        assertThat(qdrant.requestCount("List")).isEqualTo(1);
    }

    @Test
    void unknownRpcNamesAreRejected() {
        assertThatThrownBy(() -> qdrant.failNext("Scrolll", Status.UNAVAILABLE, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> qdrant.requestCount("Points/List")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScrollPoints scroll() {
        return ScrollPoints.newBuilder()
                .setCollectionName(COLLECTION)
                .setLimit(100)
                .build();
    }
}
