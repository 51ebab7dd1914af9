package dev.enrichment.fact;

import java.time.Instant;
import java.util.List;

/**
 * Where a batch of facts comes from: one user's window with one bot. The user and bot always come from the
 * window, never from the model's answer.
 *
 * @param latestMessageAt the window's newest message; written as {@code latest_message_timestamp} (naive UTC ISO)
 * @param sourceMessageIds the point ids of the window's counted messages
 * @param extractedAt when the analysis ran
 */
public record FactSource(
        String userId,
        String botName,
        Instant windowStart,
        Instant windowEnd,
        Instant latestMessageAt,
        List<String> sourceMessageIds,
        Instant extractedAt) {}
