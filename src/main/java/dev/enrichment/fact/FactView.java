package dev.enrichment.fact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fact about a user as the API returns it: the user {@code relationship} {@code entity}, e.g. "likes" "pizza".
 *
 * @param bot the bot that wrote or confirmed the fact last ({@code mentioned_by_character}, else the metadata's
 *     {@code bot_name}); facts are shared by every bot
 * @param latestMessageTimestamp the newest message of the conversation it was extracted from; null when unknown
 * @param sourceMessageIds Qdrant point ids of the messages it was extracted from
 */
public record FactView(
        UUID id,
        String entity,
        String entityType,
        String category,
        String relationship,
        Double confidence,
        String bot,
        Instant latestMessageTimestamp,
        List<String> sourceMessageIds,
        Instant createdAt,
        Instant updatedAt) {}
