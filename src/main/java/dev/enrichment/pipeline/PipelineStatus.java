package dev.enrichment.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * The worker's state for admins.
 *
 * @param running whether a cycle is running in this process now
 * @param lastCycle the last finished cycle in this process, completed or failed, or null
 */
public record PipelineStatus(boolean running, CycleOutcome lastCycle, List<BotStatus> bots) {

    /**
     * One bot's progress.
     *
     * @param cursorAt the oldest discovery cursor among the bot's collections (everything before it was read)
     * @param lagSeconds now minus {@code cursorAt}
     */
    public record BotStatus(String bot, List<String> collections, Instant cursorAt, long lagSeconds,
            long pendingWindows, long processingWindows, long failedWindows, long doneWindows,
            long skippedWindows) {
    }
}
