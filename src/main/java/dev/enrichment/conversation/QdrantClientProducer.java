package dev.enrichment.conversation;

import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one Qdrant gRPC client of the process; its channel connects lazily, so start-up does not need Qdrant. */
@ApplicationScoped
class QdrantClientProducer {

    /**
     * The largest answer accepted from Qdrant. gRPC's default, 4 MiB, is exceeded by one page holding a few
     * megabyte-long contents (hostile or pasted data), which would fail every read of that page, and so discovery of
     * the whole collection, on every cycle. Contents are cut to {@code MESSAGE_MAX_CHARS} once read.
     */
    static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    @Produces
    @Singleton
    QdrantClient qdrantClient(QdrantConfig config) {
        ManagedChannelBuilder<?> channel = ManagedChannelBuilder.forAddress(config.host(), config.grpcPort())
                .maxInboundMessageSize(MAX_ANSWER_BYTES);
        if (config.useTls()) {
            channel.useTransportSecurity();
        } else {
            channel.usePlaintext();
        }
        // Without the version check, which would log a warning at every start; the client closes the channel.
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(channel.build(), true, false);
        config.apiKey().filter(key -> !key.isBlank()).ifPresent(builder::withApiKey);
        return new QdrantClient(builder.build());
    }

    void close(@Disposes QdrantClient client) {
        client.close();
    }
}
