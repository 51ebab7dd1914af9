package dev.enrichment.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which messages of one collection to read: optionally one user's, optionally within {@code [from, to)}.
 * Time bounds filter on {@code timestamp_unix} in Qdrant, the indexed field every bot writes; a point that has
 * only the ISO {@code timestamp} is therefore found only by a query without time bounds.
 */
public record MessageQuery(String collectionName, String botName, String userId, Instant from, Instant to) {

    public MessageQuery {
        Objects.requireNonNull(collectionName, "collectionName");
        Objects.requireNonNull(botName, "botName");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to: " + from + " / " + to);
        }
    }

    /** Every message of the collection. */
    public static MessageQuery all(BotCollection collection) {
        return new MessageQuery(collection.collectionName(), collection.botName(), null, null, null);
    }

    /** Only this user's messages. */
    public MessageQuery forUser(String user) {
        return new MessageQuery(collectionName, botName, user, from, to);
    }

    /** Only messages at or after {@code fromInclusive}. */
    public MessageQuery from(Instant fromInclusive) {
        return new MessageQuery(collectionName, botName, userId, fromInclusive, to);
    }

    /** Only messages before {@code toExclusive}. */
    public MessageQuery until(Instant toExclusive) {
        return new MessageQuery(collectionName, botName, userId, from, toExclusive);
    }

    public Optional<String> user() {
        return Optional.ofNullable(userId);
    }
}
