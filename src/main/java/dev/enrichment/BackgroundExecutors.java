package dev.enrichment;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/** Builds the executors that run work in the background; each owner builds its own once and shuts it down. */
public final class BackgroundExecutors {

    private BackgroundExecutors() {
    }

    /**
     * A view of Quarkus's worker pool running at most {@code maxAsync} tasks at once ({@code -1}: no limit), further
     * tasks queued. Background work outlives the request or tick that started it, so it carries none of its context
     * (request scope, transaction), as on a thread of its own.
     */
    public static ManagedExecutor atMost(int maxAsync) {
        return ManagedExecutor.builder().maxAsync(maxAsync).maxQueued(-1).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }
}
