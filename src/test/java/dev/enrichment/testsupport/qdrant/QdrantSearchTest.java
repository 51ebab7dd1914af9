package dev.enrichment.testsupport.qdrant;

import static dev.enrichment.testsupport.qdrant.ClientCalls.await;
import static dev.enrichment.testsupport.qdrant.ClientCalls.failureOf;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.VectorFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Search on a named vector, as the bots' collections need it: the named vector is scored, the filter applies. */
@ExtendWith(ExpectQdrantClientFailures.class)
class QdrantSearchTest {

    private static final String COLLECTION = "whisperengine_memory_search";

    private static QdrantTestTarget target;

    @BeforeAll
    static void start() {
        target = QdrantTestTarget.create();
    }

    @BeforeEach
    void oneCollection() {
        target.deleteAllCollections();
        target.createWhisperEngineCollection(COLLECTION, 3);
        target.upsert(
                COLLECTION,
                List.of(
                        point(1, "ana", 1, 0, 0),
                        point(2, "ana", 0.9f, 0.1f, 0),
                        point(3, "ana", 0, 1, 0),
                        point(4, "bob", 1, 0, 0),
                        PointStruct.newBuilder()
                                .setId(id(5))
                                .putPayload("user_id", value("ana"))
                                .build()));
    }

    @AfterAll
    static void close() {
        target.deleteAllCollections();
        target.close();
    }

    @Test
    void scoresTheNamedVectorByCosineWithinTheFilter() {
        List<ScoredPoint> hits = await(target.client()
                .searchAsync(search("content", 3)
                        .setFilter(Filter.newBuilder().addMust(matchKeyword("user_id", "ana")))
                        .build()));

        // point 5 has no content vector and point 4 is another user's: neither can be a hit
        assertThat(hits).extracting(hit -> hit.getId().getNum()).containsExactly(1L, 2L, 3L);
        assertThat(hits.get(0).getScore()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(hits.get(2).getScore()).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(hits.get(0).getPayloadMap()).containsKey("user_id");
    }

    @Test
    void refusesAVectorNameTheCollectionDoesNotHave() {
        assertThat(failureOf(target.client().searchAsync(search("emotion", 3).build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void refusesAQueryOfTheWrongDimension() {
        SearchPoints wrongSize =
                search("content", 3).clearVector().addAllVector(List.of(1f, 0f)).build();

        assertThat(failureOf(target.client().searchAsync(wrongSize)).getStatus().getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void anUpsertReplacesTheVectorsOfThePoint() {
        target.upsert(COLLECTION, List.of(point(3, "ana", 1, 0, 0)));
        target.upsert(COLLECTION, List.of(point(1, "ana", 0, 0, 1)));

        List<ScoredPoint> hits = await(target.client()
                .searchAsync(search("content", 2)
                        .setFilter(Filter.newBuilder().addMust(matchKeyword("user_id", "ana")))
                        .build()));

        assertThat(hits).extracting(hit -> hit.getId().getNum()).containsExactly(3L, 2L);
    }

    private static SearchPoints.Builder search(String vectorName, int limit) {
        return SearchPoints.newBuilder()
                .setCollectionName(COLLECTION)
                .setVectorName(vectorName)
                .addAllVector(List.of(1f, 0f, 0f))
                .setLimit(limit)
                .setWithPayload(WithPayloadSelectorFactory.enable(true));
    }

    private static PointStruct point(long id, String user, float... content) {
        return PointStruct.newBuilder()
                .setId(id(id))
                .putPayload("user_id", value(user))
                .setVectors(VectorsFactory.namedVectors(
                        Map.of(WhisperEngineCollection.VECTOR_NAME, VectorFactory.vector(content))))
                .build();
    }
}
