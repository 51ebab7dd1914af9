package dev.enrichment.pipeline;

/** The window claim's statement for benchmarks outside this package, which show its plan. */
public final class WindowClaimSql {

    private WindowClaimSql() {}

    /** {@link WindowQueue#READY_WINDOW} with its parameters replaced by {@code now()}, ready for EXPLAIN. */
    public static String readyWindowAtNow() {
        return WindowQueue.READY_WINDOW
                .replace(":now", "now()")
                .replace(":quietBefore", "now()")
                .replace(":resummarizeBefore", "now()");
    }
}
