package dev.enrichment;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/** Builds the executors of background work; each owner builds its own once and shuts it down with the application. */
public final class BackgroundExecutors {

    private BackgroundExecutors() {}

    /**
     * At most {@code maxAsync} tasks at once ({@code -1}: no limit) on Quarkus's worker pool, the rest queued. The work
     * outlives the request or tick that started it, so it carries none of its context (request scope, transaction).
     */
    public static ManagedExecutor atMost(int maxAsync) {
        return ManagedExecutor.builder()
                .maxAsync(maxAsync)
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }
}
