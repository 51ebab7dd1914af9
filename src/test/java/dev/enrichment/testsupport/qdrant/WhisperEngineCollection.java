package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Vector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a WhisperEngine bot collection is laid out (reference §1.2), scaled down for tests: one named vector
 * {@code content} of size 4 instead of three 384-dimensional ones, and the same payload indexes.
 */
final class WhisperEngineCollection {

    static final String VECTOR_NAME = "content";
    static final int VECTOR_SIZE = 4;

    /** {@code _create_payload_indexes}: keyword on six fields, float on timestamp_unix, integer on content_hash. */
    static final Map<String, PayloadSchemaType> PAYLOAD_INDEXES = payloadIndexes();

    private WhisperEngineCollection() {
    }

    static CreateCollection definition(String name) {
        return CreateCollection.newBuilder()
                .setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap(VECTOR_NAME, VectorParams.newBuilder()
                                .setSize(VECTOR_SIZE)
                                .setDistance(Distance.Cosine)
                                .build())))
                .build();
    }

    /** Gives a point without vectors a dummy {@code content} vector, which a real server requires. */
    static PointStruct withDummyVector(PointStruct point) {
        if (point.hasVectors()) {
            return point;
        }
        Vector.Builder dummy = Vector.newBuilder();
        for (int i = 0; i < VECTOR_SIZE; i++) {
            dummy.addData(0.5f);
        }
        return point.toBuilder().setVectors(VectorsFactory.namedVectors(Map.of(VECTOR_NAME, dummy.build()))).build();
    }

    private static Map<String, PayloadSchemaType> payloadIndexes() {
        Map<String, PayloadSchemaType> indexes = new LinkedHashMap<>();
        for (String keyword : new String[] {
                "user_id", "memory_type", "semantic_key", "emotional_context", "channel_id", "channel_type"}) {
            indexes.put(keyword, PayloadSchemaType.Keyword);
        }
        indexes.put("timestamp_unix", PayloadSchemaType.Float);
        indexes.put("content_hash", PayloadSchemaType.Integer);
        return Collections.unmodifiableMap(indexes);
    }
}
