package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.List;
import java.util.Optional;

/** The Qdrant a test seeds and reads: the in-process double, or a real server, behind one interface. */
public interface QdrantTestTarget extends AutoCloseable {

    /**
     * A started {@link QdrantTestDouble}, or the real server named by {@code QDRANT_TEST_HOST} ({@code QDRANT_TEST_PORT},
     * default 6334, and optional {@code QDRANT_TEST_API_KEY}). The caller closes it. Tests that assert request budgets
     * or inject faults need the double: {@code assumeTrue(target.isDouble())}.
     */
    static QdrantTestTarget create() {
        String host = System.getenv("QDRANT_TEST_HOST");
        if (host == null || host.isBlank()) {
            return new DoubleTarget(new QdrantTestDouble().start());
        }
        String port = System.getenv("QDRANT_TEST_PORT");
        int grpcPort = port == null || port.isBlank() ? 6334 : Integer.parseInt(port.trim());
        String apiKey = System.getenv("QDRANT_TEST_API_KEY");
        return new RemoteTarget(
                host.trim(), grpcPort, apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey));
    }

    String host();

    /** The gRPC port. */
    int port();

    /** The API key the target expects, if any. */
    Optional<String> apiKey();

    /** A client connected to the target, owned by it (closed by {@link #close()}). */
    QdrantClient client();

    /**
     * A collection laid out like a WhisperEngine bot's: named vector {@code content} (4 dimensions, enough for tests
     * that never search) and its payload indexes.
     */
    default void createWhisperEngineCollection(String name) {
        createWhisperEngineCollection(name, WhisperEngineCollection.VECTOR_SIZE);
    }

    /** The same, with a {@code content} vector of this size (384 for the bots' real all-MiniLM-L6-v2 vectors). */
    void createWhisperEngineCollection(String name, int vectorSize);

    /** The same collection without any payload index. */
    void createCollectionWithoutIndexes(String name);

    /** Upserts in batches and waits for each batch to be applied. On the double, seeding is not counted. */
    void upsert(String collection, List<PointStruct> points);

    /** Deletes the collection if it exists. */
    void deleteCollection(String name);

    /** Deletes every collection on the target, for isolation between tests. */
    void deleteAllCollections();

    boolean isDouble();

    Optional<QdrantTestDouble> testDouble();

    @Override
    void close();
}
