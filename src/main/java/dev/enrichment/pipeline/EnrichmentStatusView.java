package dev.enrichment.pipeline;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The worker's state as the admin API returns it.
 *
 * @param running whether a cycle is running in this process now
 * @param lastCycle the last finished cycle in this process, completed or failed; null before the first
 * @param llm whether window analysis runs or is paused because the LLM provider refuses or fails every call
 */
public record EnrichmentStatusView(boolean running, LastCycle lastCycle, LlmOutage.Status llm, List<BotProgress> bots) {

    static EnrichmentStatusView of(PipelineStatus status) {
        CycleOutcome c = status.lastCycle();
        LastCycle last = c == null
                ? null
                : new LastCycle(
                        c.completed() ? "completed" : "failed",
                        c.error(),
                        c.startedAt(),
                        c.finishedAt(),
                        c.duration().toMillis(),
                        c.collections(),
                        c.collectionsFailed(),
                        c.newMessages(),
                        c.windowsMarked(),
                        c.analysed(),
                        c.skipped(),
                        c.failed(),
                        c.rollupsBuilt(),
                        c.rollupsFailed(),
                        c.llmCalls(),
                        c.promptTokens(),
                        c.completionTokens(),
                        c.qdrantRequests());
        List<BotProgress> bots = status.bots().stream()
                .map(b -> new BotProgress(
                        b.bot(),
                        b.collections(),
                        b.cursorAt(),
                        b.cursorAt() == null ? null : b.lagSeconds(),
                        b.pendingWindows(),
                        b.processingWindows(),
                        b.failedWindows(),
                        b.doneWindows(),
                        b.skippedWindows(),
                        b.attention()))
                .toList();
        return new EnrichmentStatusView(status.running(), last, status.llm(), bots);
    }

    /**
     * What the last cycle did, whether it completed or failed.
     *
     * @param outcome {@code completed}, or {@code failed} when the cycle stopped as a whole (e.g. Qdrant was
     *     unreachable); windows or collections that failed inside a completed cycle are counted instead
     * @param error why the cycle failed; null when it completed
     */
    public record LastCycle(
            @Schema(
                    enumeration = {"completed", "failed"},
                    description = "failed when the cycle stopped as a whole, e.g. Qdrant was unreachable")
            String outcome,

            @Schema(description = "Why the cycle failed; null when it completed")
            String error,

            Instant startedAt,
            Instant finishedAt,
            long durationMs,
            int collections,
            int collectionsFailed,
            long newMessages,
            int windowsMarked,
            int analysed,
            int skipped,
            int failed,

            @Schema(description = "Weekly and monthly rollups written")
            int rollupsBuilt,

            @Schema(description = "Rollup builds that failed; retried on a later cycle")
            int rollupsFailed,

            long llmCalls,
            long promptTokens,
            long completionTokens,
            long qdrantRequests) {}

    /**
     * One bot's progress.
     *
     * @param cursorAt everything written before it has been read (the oldest cursor of the bot's collections)
     * @param lagSeconds now minus {@code cursorAt}; null when the bot was never read
     * @param attention points set aside (quarantined) by reason with a sample, collections whose last discovery
     *     failed and why, and a sample of failed windows with their last error
     */
    public record BotProgress(
            String bot,
            List<String> collections,
            Instant cursorAt,
            Long lagSeconds,
            long pendingWindows,
            long processingWindows,
            long failedWindows,
            long doneWindows,
            long skippedWindows,
            PipelineStatus.Attention attention) {}
}
