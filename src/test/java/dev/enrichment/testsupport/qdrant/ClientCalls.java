package dev.enrichment.testsupport.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on {@code QdrantClient} futures in tests, surfacing the gRPC failure the client reports. */
final class ClientCalls {

    private static final long TIMEOUT_SECONDS = 60;

    private ClientCalls() {}

    static <T> T await(ListenableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** The status the call failed with; fails the test when the call succeeds. */
    static StatusRuntimeException failureOf(ListenableFuture<?> future) {
        try {
            Object answer = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected the call to fail, but it answered " + answer);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(StatusRuntimeException.class);
            return (StatusRuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
