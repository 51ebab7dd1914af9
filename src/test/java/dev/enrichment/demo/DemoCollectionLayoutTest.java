package dev.enrichment.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Vector;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCollectionLayoutTest {

    private static final LocalDateTime AT = LocalDateTime.of(2025, 10, 18, 9, 30);

    @Test
    void declaresTheBotsThreeNamedCosineVectorsAndTheirPayloadIndexes() {
        CreateCollection definition = DemoCollectionLayout.definition("whisperengine_memory_elena");

        Map<String, VectorParams> vectors =
                definition.getVectorsConfig().getParamsMap().getMapMap();
        assertThat(definition.getCollectionName()).isEqualTo("whisperengine_memory_elena");
        assertThat(vectors).containsOnlyKeys("content", "emotion", "semantic");
        assertThat(vectors.values()).allSatisfy(params -> {
            assertThat(params.getSize()).isEqualTo(384);
            assertThat(params.getDistance()).isEqualTo(Distance.Cosine);
        });
        assertThat(DemoCollectionLayout.PAYLOAD_INDEXES)
                .containsExactly(
                        Map.entry("user_id", PayloadSchemaType.Keyword),
                        Map.entry("memory_type", PayloadSchemaType.Keyword),
                        Map.entry("semantic_key", PayloadSchemaType.Keyword),
                        Map.entry("emotional_context", PayloadSchemaType.Keyword),
                        Map.entry("channel_id", PayloadSchemaType.Keyword),
                        Map.entry("channel_type", PayloadSchemaType.Keyword),
                        Map.entry("timestamp_unix", PayloadSchemaType.Float),
                        Map.entry("content_hash", PayloadSchemaType.Integer));
    }

    @Test
    void givesEveryPointTheSameUnitVectorsForTheSameContent() {
        WhisperEnginePoints bot = WhisperEnginePoints.writer().seeded(1);
        List<PointStruct> points = bot.exchange("u1", AT, "My dog Biscuit is a beagle.", "Biscuit the beagle!");
        PointStruct malformed = bot.malformed(WhisperEnginePoints.Malformation.INTEGER_CONTENT, "u1", AT);

        PointStruct first = DemoCollectionLayout.withVectors(points.get(0));
        PointStruct again = DemoCollectionLayout.withVectors(points.get(0));

        assertThat(first.getPayloadMap()).isEqualTo(points.get(0).getPayloadMap());
        assertThat(first.getVectors()).isEqualTo(again.getVectors());
        for (PointStruct point : List.of(
                first, DemoCollectionLayout.withVectors(points.get(1)), DemoCollectionLayout.withVectors(malformed))) {
            Map<String, Vector> vectors = point.getVectors().getVectors().getVectorsMap();
            assertThat(vectors).containsOnlyKeys("content", "emotion", "semantic");
            assertThat(vectors.values()).allSatisfy(vector -> {
                assertThat(vector.getDataCount()).isEqualTo(384);
                assertThat(norm(vector)).isCloseTo(1.0, offset(1e-5));
            });
        }
    }

    @Test
    void textsSharingWordsAreCloserThanUnrelatedOnes() {
        float[] dog = DemoCollectionLayout.pseudoEmbedding("content", "my dog Biscuit is a beagle");
        float[] sameDog = DemoCollectionLayout.pseudoEmbedding("content", "Biscuit the beagle stole my socks");
        float[] other = DemoCollectionLayout.pseudoEmbedding("content", "the thesis deadline is next Friday");

        assertThat(dot(dog, sameDog)).isGreaterThan(dot(dog, other));
    }

    @SuppressWarnings("deprecation")
    private static double norm(Vector vector) {
        double sum = 0;
        for (float v : vector.getDataList()) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
