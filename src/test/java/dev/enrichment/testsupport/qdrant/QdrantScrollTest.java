package dev.enrichment.testsupport.qdrant;

import static dev.enrichment.testsupport.qdrant.ClientCalls.await;
import static dev.enrichment.testsupport.qdrant.ClientCalls.failureOf;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.demo.WhisperEnginePoints;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.StartFromFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scroll paging, id order, payload selection, order_by, count, get, upsert and delete through the real client. */
@ExtendWith(ExpectQdrantClientFailures.class)
class QdrantScrollTest {

    private static final String COLLECTION = "scroll_semantics";
    private static final LocalDateTime START = LocalDateTime.of(2025, 10, 18, 23, 23, 30, 655_569_000);

    private static QdrantTestTarget target;

    @BeforeAll
    static void start() {
        target = QdrantTestTarget.create();
    }

    @BeforeEach
    void freshCollection() {
        target.deleteCollection(COLLECTION);
        target.createWhisperEngineCollection(COLLECTION);
    }

    @AfterAll
    static void close() {
        target.deleteCollection(COLLECTION);
        target.close();
    }

    @Test
    void scrollPagesThroughEveryPointExactlyOnce() {
        List<PointStruct> points = IntStream.range(0, 1_234)
                .mapToObj(i -> point(id(UUID.randomUUID()), Map.of("n", value(i))))
                .toList();
        target.upsert(COLLECTION, points);

        List<String> seen = new ArrayList<>();
        PointId offset = null;
        int pages = 0;
        do {
            ScrollPoints.Builder request = scroll().setLimit(100);
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse page = await(target.client().scrollAsync(request.build()));
            pages++;
            page.getResultList().forEach(point -> seen.add(point.getId().getUuid()));
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);

        assertThat(pages).isEqualTo(13);
        assertThat(seen).hasSize(1_234).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(seen)).isEqualTo(uuidsOf(points));
    }

    @Test
    void integerIdsComeBeforeUuidsAndUuidsFollowByteOrder() {
        List<PointId> ids = List.of(
                id(UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff")),
                id(UUID.fromString("80000000-0000-4000-8000-000000000000")),
                id(-1L),
                id(UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff")),
                id(7),
                id(UUID.fromString("00000000-0000-4000-8000-000000000001")),
                id(3));
        target.upsert(COLLECTION, ids.stream().map(id -> point(id, Map.of())).toList());

        List<String> order = await(
                        target.client().scrollAsync(scroll().setLimit(10).build()))
                .getResultList()
                .stream()
                .map(point -> point.getId().hasNum()
                        ? Long.toUnsignedString(point.getId().getNum())
                        : point.getId().getUuid())
                .toList();

        assertThat(order)
                .containsExactly(
                        "3",
                        "7",
                        "18446744073709551615",
                        "00000000-0000-4000-8000-000000000001",
                        "7fffffff-ffff-4fff-bfff-ffffffffffff",
                        "80000000-0000-4000-8000-000000000000",
                        "ffffffff-ffff-4fff-bfff-ffffffffffff");
    }

    @Test
    void offsetIsTheFirstIdIncludedEvenWhenNoSuchPointExists() {
        target.upsert(
                COLLECTION,
                LongStream.rangeClosed(1, 10)
                        .mapToObj(n -> point(id(n * 2), Map.of()))
                        .toList());

        ScrollResponse page = await(target.client()
                .scrollAsync(scroll().setOffset(id(5)).setLimit(3).build()));

        assertThat(page.getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(6L, 8L, 10L);
        assertThat(page.getNextPageOffset().getNum()).isEqualTo(12L);
    }

    @Test
    void limitDefaultsToTenAndTheLastPageHasNoNextOffset() {
        target.upsert(
                COLLECTION,
                LongStream.rangeClosed(1, 15)
                        .mapToObj(n -> point(id(n), Map.of()))
                        .toList());

        ScrollResponse first = await(target.client().scrollAsync(scroll().build()));
        ScrollResponse second = await(target.client()
                .scrollAsync(scroll().setOffset(first.getNextPageOffset()).build()));

        assertThat(first.getResultCount()).isEqualTo(10);
        assertThat(first.getNextPageOffset().getNum()).isEqualTo(11L);
        assertThat(second.getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(11L, 12L, 13L, 14L, 15L);
        assertThat(second.hasNextPageOffset()).isFalse();
    }

    @Test
    void filteredScrollPagesOverMatchingPointsOnly() {
        target.upsert(
                COLLECTION,
                LongStream.rangeClosed(1, 10)
                        .mapToObj(n -> point(id(n), Map.of("parity", value(n % 2 == 0 ? "even" : "odd"))))
                        .toList());

        ScrollResponse page = await(target.client()
                .scrollAsync(scroll().setFilter(Filter.newBuilder().addMust(matchKeyword("parity", "even")))
                        .setLimit(2)
                        .build()));

        assertThat(page.getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(2L, 4L);
        assertThat(page.getNextPageOffset().getNum()).isEqualTo(6L);
    }

    @Test
    void payloadSelectorsIncludeExcludeOrDropFieldsAndVectorsAreNeverReturned() {
        target.upsert(COLLECTION, WhisperEnginePoints.writer().exchange("u1", START, "hello", "hi there"));

        RetrievedPoint included = await(target.client()
                        .scrollAsync(
                                scroll().setWithPayload(WithPayloadSelectorFactory.include(List.of("user_id", "role")))
                                        .build()))
                .getResult(0);
        RetrievedPoint excluded = await(target.client()
                        .scrollAsync(scroll().setWithPayload(WithPayloadSelectorFactory.exclude(List.of("content")))
                                .build()))
                .getResult(0);
        RetrievedPoint none = await(target.client()
                        .scrollAsync(scroll().setWithPayload(WithPayloadSelectorFactory.enable(false))
                                .build()))
                .getResult(0);

        assertThat(included.getPayloadMap()).containsOnlyKeys("user_id", "role");
        assertThat(excluded.getPayloadMap()).doesNotContainKey("content").containsKeys("user_id", "timestamp");
        assertThat(none.getPayloadMap()).isEmpty();
        assertThat(included.hasVectors()).isFalse();
    }

    @Test
    void orderByNeedsAnIndexThatSupportsRanges() {
        target.upsert(COLLECTION, WhisperEnginePoints.writer().exchange("u1", START, "hello", "hi there"));

        StatusRuntimeException keywordIndex = failureOf(target.client()
                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder().setKey("user_id"))
                        .build()));
        StatusRuntimeException noIndex = failureOf(target.client()
                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder().setKey("timestamp"))
                        .build()));

        assertThat(keywordIndex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(keywordIndex.getStatus().getDescription()).contains("No range index for `order_by` key");
        assertThat(noIndex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void orderByCannotBeCombinedWithAnOffset() {
        target.upsert(COLLECTION, WhisperEnginePoints.writer().exchange("u1", START, "hello", "hi there"));

        StatusRuntimeException failure = failureOf(target.client()
                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder().setKey("timestamp_unix"))
                        .setOffset(id(UUID.randomUUID()))
                        .build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure.getStatus().getDescription()).contains("offset");
    }

    @Test
    void orderBySortsByTheKeyBothWaysWithoutANextPageOffset() {
        target.upsert(COLLECTION, WhisperEnginePoints.writer().conversation("u1", START, 10, Duration.ofMinutes(3)));

        ScrollResponse ascending = await(target.client()
                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder().setKey("timestamp_unix"))
                        .setLimit(4)
                        .build()));
        ScrollResponse descending = await(target.client()
                .scrollAsync(scroll().setOrderBy(
                                OrderBy.newBuilder().setKey("timestamp_unix").setDirection(Direction.Desc))
                        .setLimit(100)
                        .build()));

        assertThat(ascending.getResultCount()).isEqualTo(4);
        assertThat(ascending.hasNextPageOffset()).isFalse();
        assertThat(timestampsOf(ascending)).isSorted().first().isEqualTo(WhisperEnginePoints.unixSeconds(START));
        assertThat(descending.getResultCount()).isEqualTo(15);
        assertThat(descending.hasNextPageOffset()).isFalse();
        assertThat(timestampsOf(descending)).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void orderByStartsFromAnInclusiveValueAndLeavesOutPointsWithoutTheKey() {
        target.upsert(
                COLLECTION,
                List.of(
                        point(id(1), Map.of("timestamp_unix", value(100.0))),
                        point(id(2), Map.of("timestamp_unix", value(200.0))),
                        point(id(3), Map.of("timestamp_unix", value(300.0))),
                        point(id(4), Map.of("user_id", value("no timestamp")))));

        ScrollResponse upwards = await(target.client()
                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder()
                                .setKey("timestamp_unix")
                                .setStartFrom(StartFromFactory.startFrom(200f)))
                        .build()));
        ScrollResponse downwards = await(target.client()
                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder()
                                .setKey("timestamp_unix")
                                .setDirection(Direction.Desc)
                                .setStartFrom(StartFromFactory.startFrom(200f)))
                        .build()));
        ScrollResponse all = await(target.client()
                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder().setKey("timestamp_unix"))
                        .build()));

        assertThat(upwards.getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(2L, 3L);
        assertThat(downwards.getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(2L, 1L);
        assertThat(all.getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void orderByListsAPointWithSeveralValuesOnceAtItsSmallestAscendingAndLargestDescending() {
        target.upsert(
                COLLECTION,
                List.of(
                        point(id(1), Map.of("timestamp_unix", value(100.0))),
                        point(id(2), Map.of("timestamp_unix", ValueFactory.list(List.of(value(50.0), value(300.0))))),
                        point(id(3), Map.of("timestamp_unix", value(200.0))),
                        point(id(4), Map.of("timestamp_unix", value(200.0)))));

        ScrollResponse ascending = await(target.client()
                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder().setKey("timestamp_unix"))
                        .build()));
        ScrollResponse descending = await(target.client()
                .scrollAsync(scroll().setOrderBy(
                                OrderBy.newBuilder().setKey("timestamp_unix").setDirection(Direction.Desc))
                        .build()));

        assertThat(ascending.getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(2L, 1L, 3L, 4L);
        assertThat(descending.getResultList())
                .extracting(point -> point.getId().getNum())
                .as("ties by id either way")
                .containsExactly(2L, 3L, 4L, 1L);

        // without the list every value is a single number again (the double then walks its time index)
        await(target.client().deleteAsync(COLLECTION, List.of(id(2))));
        assertThat(await(target.client()
                                .scrollAsync(scroll().setOrderBy(OrderBy.newBuilder()
                                                .setKey("timestamp_unix")
                                                .setDirection(Direction.Desc))
                                        .build()))
                        .getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(3L, 4L, 1L);
    }

    @Test
    void countIsExactForAFilter() {
        WhisperEnginePoints bot = WhisperEnginePoints.writer();
        target.upsert(COLLECTION, bot.conversation("u1", START, 20, Duration.ofMinutes(1)));
        target.upsert(COLLECTION, bot.conversation("u2", START, 7, Duration.ofMinutes(1)));

        long u1 = await(target.client()
                .countAsync(
                        COLLECTION,
                        Filter.newBuilder()
                                .addMust(matchKeyword("user_id", "u1"))
                                .build(),
                        true));
        long u2Later = await(target.client()
                .countAsync(
                        COLLECTION,
                        Filter.newBuilder()
                                .addMust(matchKeyword("user_id", "u2"))
                                .addMust(range(
                                        "timestamp_unix",
                                        Range.newBuilder()
                                                .setGt(WhisperEnginePoints.unixSeconds(START.plusMinutes(1)))
                                                .build()))
                                .build(),
                        true));
        long all = await(target.client().countAsync(COLLECTION));

        assertThat(u1).isEqualTo(30);
        assertThat(u2Later)
                .as("the +1 min bot reply (1 ms after the bound), the +2 min exchange, the lone +3 min message")
                .isEqualTo(1 + 3 + 1);
        assertThat(all).isEqualTo(30 + 10);
    }

    @Test
    void getReturnsTheRequestedPointsThatExist() {
        target.upsert(COLLECTION, List.of(point(id(1), Map.of("a", value("one"))), point(id(2), Map.of())));

        List<RetrievedPoint> found =
                await(target.client().retrieveAsync(COLLECTION, List.of(id(1), id(42)), true, false, null));

        assertThat(found).singleElement().satisfies(point -> {
            assertThat(point.getId().getNum()).isEqualTo(1L);
            assertThat(point.getPayloadMap()).containsEntry("a", value("one"));
        });
    }

    @Test
    void upsertReplacesTheWholePayloadOfAnExistingPoint() {
        await(target.client()
                .upsertAsync(
                        COLLECTION,
                        List.of(WhisperEngineCollection.withDummyVector(
                                point(id(1), Map.of("a", value(1), "b", value(2)))))));
        await(target.client()
                .upsertAsync(
                        COLLECTION,
                        List.of(WhisperEngineCollection.withDummyVector(point(id(1), Map.of("c", value(3)))))));

        List<RetrievedPoint> stored =
                await(target.client().retrieveAsync(COLLECTION, List.of(id(1)), true, false, null));

        assertThat(stored.get(0).getPayloadMap()).containsOnlyKeys("c");
    }

    @Test
    void deleteByFilterOrIdsRemovesOnlyThosePoints() {
        target.upsert(
                COLLECTION,
                LongStream.rangeClosed(1, 6)
                        .mapToObj(n -> point(id(n), Map.of("group", value(n <= 3 ? "old" : "new"))))
                        .toList());

        await(target.client()
                .deleteAsync(
                        COLLECTION,
                        Filter.newBuilder()
                                .addMust(matchKeyword("group", "old"))
                                .build()));
        await(target.client().deleteAsync(COLLECTION, List.of(id(6))));

        assertThat(await(target.client().scrollAsync(scroll().build())).getResultList())
                .extracting(point -> point.getId().getNum())
                .containsExactly(4L, 5L);
    }

    private static ScrollPoints.Builder scroll() {
        return ScrollPoints.newBuilder().setCollectionName(COLLECTION);
    }

    private static List<Double> timestampsOf(ScrollResponse response) {
        return response.getResultList().stream()
                .map(point -> point.getPayloadOrThrow("timestamp_unix").getDoubleValue())
                .toList();
    }

    private static Set<String> uuidsOf(List<PointStruct> points) {
        Set<String> uuids = new HashSet<>();
        points.forEach(point -> uuids.add(point.getId().getUuid()));
        return uuids;
    }

    private static PointStruct point(PointId id, Map<String, Value> payload) {
        return PointStruct.newBuilder().setId(id).putAllPayload(payload).build();
    }
}
