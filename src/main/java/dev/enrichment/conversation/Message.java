package dev.enrichment.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * One chat message read from a bot's collection.
 *
 * @param pointId the Qdrant point id (UUID or unsigned integer, as text)
 * @param bot the bot the collection belongs to
 * @param userId the platform user id
 * @param role user or assistant
 * @param content the text, possibly truncated (see {@code truncated})
 * @param timestamp when the message was written
 * @param emotionalContext the bot's emotion label for the message, or {@code null} when the point has none
 * @param truncated whether the content was cut to the configured maximum size
 */
public record Message(
        String pointId,
        String bot,
        String userId,
        Role role,
        String content,
        Instant timestamp,
        String emotionalContext,
        boolean truncated) {

    /** The emotion label, when the point carries one. */
    public Optional<String> emotion() {
        return Optional.ofNullable(emotionalContext);
    }
}
