package dev.enrichment.search;

import java.time.Instant;

/**
 * One message found by {@code include_messages}: where exactly something was said.
 *
 * @param pointId the message's point id in the bot's Qdrant collection
 * @param role {@code user} or {@code assistant}
 * @param text the message as stored (cut at {@code MESSAGE_MAX_CHARS})
 * @param similarity cosine similarity of the query and the message's {@code content} vector
 * @param summaryId the day summary whose window holds the message; null while that window has none
 * @param windowStart start of that summary's window; null with {@code summaryId}
 * @param windowEnd end of that summary's window; null with {@code summaryId}
 */
public record MessageHit(
        String pointId,
        String role,
        String text,
        Instant timestamp,
        double similarity,
        Integer summaryId,
        Instant windowStart,
        Instant windowEnd) {}
