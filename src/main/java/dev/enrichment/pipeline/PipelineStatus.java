package dev.enrichment.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The worker's state for admins.
 *
 * @param running whether a cycle is running in this process now
 * @param lastCycle the last finished cycle in this process, completed or failed, or null
 */
public record PipelineStatus(boolean running, CycleOutcome lastCycle, LlmOutage.Status llm, List<BotStatus> bots) {

    /**
     * One bot's progress.
     *
     * @param cursorAt the oldest discovery cursor among the bot's collections (everything before it was read)
     * @param lagSeconds now minus {@code cursorAt}
     * @param attention what needs an admin's eye: quarantined points, failed discoveries, failed windows
     */
    public record BotStatus(
            String bot,
            List<String> collections,
            Instant cursorAt,
            long lagSeconds,
            long pendingWindows,
            long processingWindows,
            long failedWindows,
            long doneWindows,
            long skippedWindows,
            Attention attention) {}

    /**
     * What of a bot's data the worker could not take as it is.
     *
     * @param quarantined points set aside, by reason
     * @param quarantineSample a few of them, newest first
     * @param discoveryErrors collections whose last discovery failed, and why
     * @param failedWindowSample a few windows that failed every attempt, with their last error
     * @param lateWrites collections that grew behind their discovery cursor: points no discovery will read
     */
    public record Attention(
            Map<String, Long> quarantined,
            List<QuarantineSample> quarantineSample,
            List<DiscoveryError> discoveryErrors,
            List<FailedWindow> failedWindowSample,
            List<LateWrite> lateWrites) {

        static final Attention NONE = new Attention(Map.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Points written dated before the collection's discovery cursor after discovery had passed that time, found by
     * the status's counts (a floor: deletions can hide some).
     *
     * @param points how many, since the collection was first checked
     * @param lastSeenAt when the last of them was found
     */
    public record LateWrite(String collection, long points, Instant lastSeenAt, String hint) {}

    public record QuarantineSample(
            String collection, String pointId, String userId, String reason, String detail, Instant lastSeenAt) {}

    public record DiscoveryError(String collection, String error, Instant at) {}

    public record FailedWindow(String userId, Instant windowStart, Instant windowEnd, int attempts, String lastError) {}
}
