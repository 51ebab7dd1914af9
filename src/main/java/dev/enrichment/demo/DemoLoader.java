package dev.enrichment.demo;

import com.google.common.util.concurrent.ListenableFuture;
import dev.enrichment.demo.DemoDataSet.DemoCollection;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Demo only: writes the demo data set into Qdrant through a Qdrant client, as WhisperEngine's bots would have
 * written it. Used by the service's opt-in {@link DemoSeeder} and by the demo launcher, which loads the Qdrant
 * stand-in before it starts the service. Plain Java, no CDI.
 */
public final class DemoLoader {

    /** Points per upsert: three 384-float vectors each keep one request well below gRPC's 4 MB message limit. */
    static final int UPSERT_BATCH = 128;

    private final QdrantClient client;
    private final Duration timeout;

    public DemoLoader(QdrantClient client, Duration requestTimeout) {
        this.client = client;
        this.timeout = requestTimeout;
    }

    /** The demo collections that already exist, in {@link DemoDataSet#collectionNames()} order. */
    public List<String> presentCollections() {
        Set<String> existing = new HashSet<>(await(client.listCollectionsAsync(timeout)));
        return DemoDataSet.collectionNames().stream().filter(existing::contains).toList();
    }

    /**
     * Creates every collection of the data set with WhisperEngine's layout and fills it. On a failure the collections
     * this call created are removed again (best effort: half-filled demo collections would block every later
     * attempt) and {@link DemoLoadException} is thrown.
     */
    public void load(DemoDataSet data) {
        List<String> created = new ArrayList<>();
        try {
            for (DemoCollection collection : data.collections()) {
                create(collection.name());
                created.add(collection.name());
                upsert(collection);
            }
        } catch (DemoLoadException e) {
            List<String> left = removeAgain(created);
            throw left.isEmpty()
                    ? e
                    : new DemoLoadException(
                            e.getMessage() + "; could not remove the partly loaded " + "collections " + left
                                    + ": delete them by hand before loading again",
                            e.getCause());
        }
    }

    private void create(String name) {
        await(client.createCollectionAsync(DemoCollectionLayout.definition(name), timeout));
        for (Map.Entry<String, PayloadSchemaType> index : DemoCollectionLayout.PAYLOAD_INDEXES.entrySet()) {
            await(client.createPayloadIndexAsync(name, index.getKey(), index.getValue(), null, true, null, timeout));
        }
    }

    private void upsert(DemoCollection collection) {
        List<PointStruct> points = collection.points();
        for (int from = 0; from < points.size(); from += UPSERT_BATCH) {
            UpsertPoints.Builder batch = UpsertPoints.newBuilder()
                    .setCollectionName(collection.name())
                    .setWait(true);
            // Vectors are added batch by batch rather than kept for the whole data set: they are most of its size.
            points.subList(from, Math.min(points.size(), from + UPSERT_BATCH))
                    .forEach(point -> batch.addPoints(DemoCollectionLayout.withVectors(point)));
            await(client.upsertAsync(batch.build(), timeout));
        }
    }

    private List<String> removeAgain(List<String> created) {
        List<String> left = new ArrayList<>();
        for (String name : created) {
            try {
                await(client.deleteCollectionAsync(name, timeout));
            } catch (DemoLoadException e) {
                left.add(name);
            }
        }
        return left;
    }

    private <T> T await(ListenableFuture<T> future) {
        try {
            // Each request carries its own deadline; this bound only guards against a future that never completes.
            return future.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DemoLoadException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DemoLoadException("no answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new DemoLoadException("interrupted", e);
        }
    }

    /** A Qdrant request made while loading the demo data failed. */
    public static final class DemoLoadException extends RuntimeException {

        DemoLoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
