package dev.enrichment.conversation;

/**
 * What one read went through.
 *
 * @param points points Qdrant returned
 * @param messages points that became messages
 * @param notMessages conversation pairs, emoji reactions and other non-message points, skipped by design
 * @param malformed points that should have been messages but could not be read, skipped
 * @param truncated messages whose content was cut to the configured maximum
 * @param pages scroll requests made
 * @param droppedCharacters NUL and unpaired surrogates removed from message text, which PostgreSQL cannot store
 */
public record ReadStats(
        long points,
        long messages,
        long notMessages,
        long malformed,
        long truncated,
        int pages,
        long droppedCharacters) {

    static final ReadStats EMPTY = new ReadStats(0, 0, 0, 0, 0, 0, 0);

    ReadStats plus(ReadStats other) {
        return new ReadStats(
                points + other.points,
                messages + other.messages,
                notMessages + other.notMessages,
                malformed + other.malformed,
                truncated + other.truncated,
                pages + other.pages,
                droppedCharacters + other.droppedCharacters);
    }
}
