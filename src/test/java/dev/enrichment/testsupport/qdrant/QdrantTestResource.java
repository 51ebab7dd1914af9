package dev.enrichment.testsupport.qdrant;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** Quarkus test resource that starts one shared {@link QdrantTestTarget} and points {@code qdrant.*} config at it. */
public class QdrantTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile QdrantTestTarget target;

    /** Whether this instance started the shared target, and so is the one to close it. */
    private boolean owner;

    @Override
    public Map<String, String> start() {
        QdrantTestTarget started = startedTarget();
        Map<String, String> config = new HashMap<>();
        config.put("qdrant.host", started.host());
        config.put("qdrant.grpc-port", String.valueOf(started.port()));
        config.put("qdrant.use-tls", "false");
        started.apiKey().ifPresent(key -> config.put("qdrant.api-key", key));
        return config;
    }

    @Override
    public void stop() {
        synchronized (QdrantTestResource.class) {
            if (owner && target != null) {
                target.close();
                target = null;
            }
            owner = false;
        }
    }

    /** The running target (the same one the application talks to); fails when the resource is not started. */
    public static QdrantTestTarget target() {
        QdrantTestTarget current = target;
        if (current == null) {
            throw new IllegalStateException(
                    "QdrantTestResource is not started; it must be registered as a test resource");
        }
        return current;
    }

    static boolean running() {
        return target != null;
    }

    private QdrantTestTarget startedTarget() {
        synchronized (QdrantTestResource.class) {
            if (target == null) {
                target = QdrantTestTarget.create();
                owner = true;
            }
            return target;
        }
    }
}
