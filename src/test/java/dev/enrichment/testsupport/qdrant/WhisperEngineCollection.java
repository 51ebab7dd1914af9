package dev.enrichment.testsupport.qdrant;

import dev.enrichment.demo.DemoCollectionLayout;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Vector;
import java.util.Map;

/**
 * How a WhisperEngine bot collection is laid out (reference §1.2), scaled down for tests: one named vector
 * {@code content} of size 4 instead of three 384-dimensional ones, and the same payload indexes. The full layout,
 * used by the demo seeder, is {@link DemoCollectionLayout}.
 */
final class WhisperEngineCollection {

    static final String VECTOR_NAME = DemoCollectionLayout.CONTENT_VECTOR;
    static final int VECTOR_SIZE = 4;

    /** The bots' payload indexes, defined once in the demo layout so tests and the demo seeder cannot drift apart. */
    static final Map<String, PayloadSchemaType> PAYLOAD_INDEXES = DemoCollectionLayout.PAYLOAD_INDEXES;

    private WhisperEngineCollection() {}

    static CreateCollection definition(String name) {
        return definition(name, VECTOR_SIZE);
    }

    static CreateCollection definition(String name, int vectorSize) {
        return CreateCollection.newBuilder()
                .setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder()
                        .setParamsMap(VectorParamsMap.newBuilder()
                                .putMap(
                                        VECTOR_NAME,
                                        VectorParams.newBuilder()
                                                .setSize(vectorSize)
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
        return point.toBuilder()
                .setVectors(VectorsFactory.namedVectors(Map.of(VECTOR_NAME, dummy.build())))
                .build();
    }
}
