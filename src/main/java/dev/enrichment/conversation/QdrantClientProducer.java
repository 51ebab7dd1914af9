package dev.enrichment.conversation;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one Qdrant gRPC client of the process; its channel connects lazily, so start-up does not need Qdrant. */
@ApplicationScoped
class QdrantClientProducer {

    @Produces
    @Singleton
    QdrantClient qdrantClient(QdrantConfig config) {
        // The 4-argument builder skips the server version check, which would log a warning at every start.
        QdrantGrpcClient.Builder builder =
                QdrantGrpcClient.newBuilder(config.host(), config.grpcPort(), config.useTls(), false);
        config.apiKey().filter(key -> !key.isBlank()).ifPresent(builder::withApiKey);
        return new QdrantClient(builder.build());
    }

    void close(@Disposes QdrantClient client) {
        client.close();
    }
}
