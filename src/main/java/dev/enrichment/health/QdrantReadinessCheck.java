package dev.enrichment.health;

import dev.enrichment.conversation.QdrantConfig;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when Qdrant answers its health RPC. Where it connects and why it failed are shown only with
 * {@code ENRICHMENT_HEALTH_DETAILS=true}: the health endpoints answer anyone.
 */
@Readiness
@ApplicationScoped
public class QdrantReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final QdrantClient client;
    private final QdrantConfig config;

    private final boolean details;

    QdrantReadinessCheck(
            QdrantClient client, QdrantConfig config, @ConfigProperty(name = "health.details") boolean details) {
        this.client = client;
        this.config = config;
        this.details = details;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("qdrant");
        if (details) {
            response.withData("target", config.host() + ":" + config.grpcPort());
        }
        String error;
        try {
            HealthCheckReply reply =
                    client.healthCheckAsync(TIMEOUT).get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return details
                    ? response.up().withData("version", reply.getVersion()).build()
                    : response.up().build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            error = String.valueOf(cause.getMessage());
        } catch (TimeoutException e) {
            error = "no answer within " + TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        return details
                ? response.down().withData("error", error).build()
                : response.down().build();
    }
}
