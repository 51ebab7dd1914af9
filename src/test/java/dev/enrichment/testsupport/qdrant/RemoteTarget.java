package dev.enrichment.testsupport.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link QdrantTestTarget} on a real Qdrant server, driven through {@link QdrantClient}. */
final class RemoteTarget implements QdrantTestTarget {

    private static final int UPSERT_BATCH = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String host;
    private final int port;
    private final Optional<String> apiKey;
    private final QdrantClient client;

    RemoteTarget(String host, int port, Optional<String> apiKey) {
        this.host = host;
        this.port = port;
        this.apiKey = apiKey;
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(host, port, false, false);
        apiKey.ifPresent(builder::withApiKey);
        this.client = new QdrantClient(builder.build());
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Optional<String> apiKey() {
        return apiKey;
    }

    @Override
    public QdrantClient client() {
        return client;
    }

    @Override
    public void createWhisperEngineCollection(String name, int vectorSize) {
        await(client.createCollectionAsync(WhisperEngineCollection.definition(name, vectorSize)));
        for (Map.Entry<String, PayloadSchemaType> index : WhisperEngineCollection.PAYLOAD_INDEXES.entrySet()) {
            await(client.createPayloadIndexAsync(name, index.getKey(), index.getValue(), null, true, null, null));
        }
    }

    @Override
    public void createCollectionWithoutIndexes(String name) {
        await(client.createCollectionAsync(WhisperEngineCollection.definition(name)));
    }

    @Override
    public void upsert(String collection, List<PointStruct> points) {
        for (int from = 0; from < points.size(); from += UPSERT_BATCH) {
            List<PointStruct> batch = points.subList(from, Math.min(points.size(), from + UPSERT_BATCH));
            await(client.upsertAsync(UpsertPoints.newBuilder()
                    .setCollectionName(collection)
                    .setWait(true)
                    .addAllPoints(batch.stream()
                            .map(WhisperEngineCollection::withDummyVector)
                            .toList())
                    .build()));
        }
    }

    @Override
    public void deleteCollection(String name) {
        try {
            await(client.deleteCollectionAsync(name));
        } catch (StatusRuntimeException e) {
            // Deleting is for cleanup: a collection that is already gone is fine.
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
        }
    }

    @Override
    public void deleteAllCollections() {
        await(client.listCollectionsAsync()).forEach(this::deleteCollection);
    }

    @Override
    public boolean isDouble() {
        return false;
    }

    @Override
    public Optional<QdrantTestDouble> testDouble() {
        return Optional.empty();
    }

    @Override
    public void close() {
        client.close();
    }

    private static <T> T await(ListenableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Qdrant", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Qdrant did not answer within " + TIMEOUT, e);
        }
    }
}
