package dev.enrichment.conversation;

import dev.enrichment.problem.ProblemException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Qdrant could not be read; the work that needed it should be retried later. */
public class ConversationSourceException extends ProblemException {

    /** gRPC codes that say Qdrant (or the way to it) is unavailable to everyone, whatever was asked. */
    private static final Set<Status.Code> OUTAGE = Set.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.UNAUTHENTICATED,
            Status.Code.PERMISSION_DENIED);

    public ConversationSourceException(String message, Throwable cause) {
        super(
                Kind.SOURCE_UNAVAILABLE,
                "the conversation source (Qdrant) cannot be read right now; try again later",
                message,
                cause);
    }

    /**
     * Whether Qdrant failed as a service (down, too slow, refusing the key) rather than on this request: work that
     * needed it is not at fault and keeps its attempts.
     */
    public boolean isOutage() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc) {
                return OUTAGE.contains(grpc.getStatus().getCode());
            }
        }
        // no answer at all within the client's own bound
        return getCause() instanceof TimeoutException;
    }
}
