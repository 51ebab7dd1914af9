package dev.enrichment.health;

import dev.enrichment.conversation.QdrantConfig;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when Qdrant answers its health RPC; when it does not, says why. */
@Readiness
@ApplicationScoped
public class QdrantReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final QdrantClient client;
    private final QdrantConfig config;

    QdrantReadinessCheck(QdrantClient client, QdrantConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("qdrant").withData("target", config.host() + ":" + config.grpcPort());
        try {
            HealthCheckReply reply =
                    client.healthCheckAsync(TIMEOUT).get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return response.up().withData("version", reply.getVersion()).build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return response.down()
                    .withData("error", String.valueOf(cause.getMessage()))
                    .build();
        } catch (TimeoutException e) {
            return response.down()
                    .withData("error", "no answer within " + TIMEOUT.toSeconds() + " s")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
