package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link QdrantTestTarget} on the in-process double; seeds straight into its store, bypassing gRPC. */
final class DoubleTarget implements QdrantTestTarget {

    private final QdrantTestDouble testDouble;
    private QdrantClient client;

    DoubleTarget(QdrantTestDouble testDouble) {
        this.testDouble = testDouble;
    }

    @Override
    public String host() {
        return testDouble.host();
    }

    @Override
    public int port() {
        return testDouble.port();
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.empty();
    }

    @Override
    public synchronized QdrantClient client() {
        if (client == null) {
            client = new QdrantClient(
                    QdrantGrpcClient.newBuilder(host(), port(), false, false).build());
        }
        return client;
    }

    @Override
    public void createWhisperEngineCollection(String name, int vectorSize) {
        testDouble.registry().create(WhisperEngineCollection.definition(name, vectorSize));
        StoredCollection collection = testDouble.registry().get(name);
        for (Map.Entry<String, PayloadSchemaType> index : WhisperEngineCollection.PAYLOAD_INDEXES.entrySet()) {
            collection.createIndex(index.getKey(), new PayloadIndex(index.getValue(), Optional.empty()));
        }
    }

    @Override
    public void createCollectionWithoutIndexes(String name) {
        testDouble.registry().create(WhisperEngineCollection.definition(name));
    }

    @Override
    public void upsert(String collection, List<PointStruct> points) {
        testDouble.registry().get(collection).upsert(points);
    }

    @Override
    public void deleteCollection(String name) {
        testDouble.registry().delete(name);
    }

    @Override
    public void deleteAllCollections() {
        testDouble.registry().clear();
    }

    @Override
    public boolean isDouble() {
        return true;
    }

    @Override
    public Optional<QdrantTestDouble> testDouble() {
        return Optional.of(testDouble);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        testDouble.close();
    }
}
