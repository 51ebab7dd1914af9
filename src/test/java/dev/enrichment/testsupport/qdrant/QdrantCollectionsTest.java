package dev.enrichment.testsupport.qdrant;

import static dev.enrichment.testsupport.qdrant.ClientCalls.await;
import static dev.enrichment.testsupport.qdrant.ClientCalls.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.demo.WhisperEnginePoints;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.ScrollPoints;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Collection listing, info, existence, creation and not-found errors through the real client. */
@ExtendWith(ExpectQdrantClientFailures.class)
class QdrantCollectionsTest {

    private static QdrantTestTarget target;

    @BeforeAll
    static void start() {
        target = QdrantTestTarget.create();
    }

    @BeforeEach
    void noCollections() {
        target.deleteAllCollections();
    }

    @AfterAll
    static void close() {
        target.deleteAllCollections();
        target.close();
    }

    @Test
    void healthCheckAnswersLikeQdrant() {
        assertThat(await(target.client().healthCheckAsync()).getTitle()).startsWith("qdrant");
    }

    @Test
    void listsTheCollectionsThatExist() {
        target.createWhisperEngineCollection("whisperengine_memory_elena_7d");
        target.createCollectionWithoutIndexes("chat_memories_dotty");
        target.createCollectionWithoutIndexes("gone");
        target.deleteCollection("gone");

        assertThat(await(target.client().listCollectionsAsync()))
                .containsExactlyInAnyOrder("whisperengine_memory_elena_7d", "chat_memories_dotty");
    }

    @Test
    void collectionInfoReportsPointsAndThePayloadIndexesWhisperEngineCreates() {
        target.createWhisperEngineCollection("whisperengine_memory_marcus");
        target.upsert(
                "whisperengine_memory_marcus",
                WhisperEnginePoints.writer()
                        .exchange("u1", LocalDateTime.of(2025, 10, 19, 8, 0), "morning", "good morning!"));

        CollectionInfo info = await(target.client().getCollectionInfoAsync("whisperengine_memory_marcus"));

        assertThat(info.getStatus()).isEqualTo(CollectionStatus.Green);
        assertThat(info.getPointsCount()).isEqualTo(3);
        assertThat(info.getPayloadSchemaMap().entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, entry -> entry.getValue().getDataType())))
                .isEqualTo(Map.of(
                        "user_id", PayloadSchemaType.Keyword,
                        "memory_type", PayloadSchemaType.Keyword,
                        "semantic_key", PayloadSchemaType.Keyword,
                        "emotional_context", PayloadSchemaType.Keyword,
                        "channel_id", PayloadSchemaType.Keyword,
                        "channel_type", PayloadSchemaType.Keyword,
                        "timestamp_unix", PayloadSchemaType.Float,
                        "content_hash", PayloadSchemaType.Integer));
        assertThat(info.getConfig()
                        .getParams()
                        .getVectorsConfig()
                        .getParamsMap()
                        .getMapMap())
                .containsOnlyKeys("content");
    }

    @Test
    void collectionExistsFollowsCreateAndDelete() {
        assertThat(await(target.client().collectionExistsAsync("whisperengine_memory_ryan")))
                .isFalse();

        target.createCollectionWithoutIndexes("whisperengine_memory_ryan");
        assertThat(await(target.client().collectionExistsAsync("whisperengine_memory_ryan")))
                .isTrue();

        target.deleteCollection("whisperengine_memory_ryan");
        assertThat(await(target.client().collectionExistsAsync("whisperengine_memory_ryan")))
                .isFalse();
    }

    @Test
    void unknownCollectionIsNotFoundForInfoScrollAndCount() {
        StatusRuntimeException info = failureOf(target.client().getCollectionInfoAsync("missing"));
        StatusRuntimeException scroll = failureOf(target.client()
                .scrollAsync(
                        ScrollPoints.newBuilder().setCollectionName("missing").build()));
        StatusRuntimeException count = failureOf(target.client().countAsync("missing"));

        assertThat(info.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(info.getStatus().getDescription()).contains("Collection `missing` doesn't exist!");
        assertThat(scroll.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(count.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void creatingAnExistingCollectionFailsWithAlreadyExists() {
        target.createCollectionWithoutIndexes("whisperengine_memory_jake");

        StatusRuntimeException failure = failureOf(
                target.client().createCollectionAsync(WhisperEngineCollection.definition("whisperengine_memory_jake")));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(failure.getStatus().getDescription()).contains("already exists");
    }
}
