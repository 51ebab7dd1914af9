package dev.enrichment.testsupport.qdrant;

import static dev.enrichment.testsupport.qdrant.ClientCalls.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Quarkus test resource, driven by hand: it hands out configuration for a target that answers. */
class QdrantTestResourceTest {

    @Test
    void configurationPointsAtARunningTargetUntilStopped() {
        assumeFalse(QdrantTestResource.running(), "another resource instance owns the shared target");
        QdrantTestResource resource = new QdrantTestResource();
        Map<String, String> config = resource.start();
        try {
            QdrantTestTarget target = QdrantTestResource.target();

            assertThat(config)
                    .containsEntry("qdrant.host", target.host())
                    .containsEntry("qdrant.grpc-port", String.valueOf(target.port()))
                    .containsEntry("qdrant.use-tls", "false");
            assertThat(await(target.client().healthCheckAsync()).getTitle()).isNotBlank();
        } finally {
            resource.stop();
        }
        assertThatThrownBy(QdrantTestResource::target).isInstanceOf(IllegalStateException.class);
    }
}
