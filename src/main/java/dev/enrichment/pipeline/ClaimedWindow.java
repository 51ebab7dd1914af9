package dev.enrichment.pipeline;

import java.time.Instant;

/**
 * A window this process has leased for analysis.
 *
 * @param claimedMark the window's mark count when it was claimed; later marks send it back to pending
 * @param previousModel model of the analysis behind the window's current summary, if any
 */
public record ClaimedWindow(
        long id,
        String botName,
        String userId,
        Instant start,
        Instant end,
        long claimedMark,
        int attempts,
        String owner,
        String previousModel,
        String previousPromptVersion,
        String previousInputHash) {

    public TimeWindow window() {
        return new TimeWindow(start, end);
    }
}
