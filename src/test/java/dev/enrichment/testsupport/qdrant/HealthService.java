package dev.enrichment.testsupport.qdrant;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/** The {@code qdrant.Qdrant} service: answers {@code HealthCheck} with the title a real server reports. */
final class HealthService extends QdrantGrpc.QdrantImplBase {

    static final String TITLE = "qdrant - vector search engine";
    static final String VERSION = "1.18.3";

    @Override
    public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckReply> observer) {
        Rpc.respond(
                observer,
                () -> HealthCheckReply.newBuilder()
                        .setTitle(TITLE)
                        .setVersion(VERSION)
                        .build());
    }
}
