package dev.enrichment.testsupport.qdrant;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Completes a unary call with the handler's answer, or with the gRPC status the handler failed with. */
final class Rpc {

    private Rpc() {}

    static <T> void respond(StreamObserver<T> observer, Supplier<T> handler) {
        T answer;
        try {
            answer = handler.get();
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        } catch (RuntimeException e) {
            // A bug in the double must reach the test as a visible failure, not as a hung call.
            observer.onError(Status.INTERNAL
                    .withDescription("QdrantTestDouble failed: " + e)
                    .withCause(e)
                    .asRuntimeException());
            return;
        }
        observer.onNext(answer);
        observer.onCompleted();
    }
}
