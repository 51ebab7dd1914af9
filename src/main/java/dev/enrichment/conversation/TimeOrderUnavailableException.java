package dev.enrichment.conversation;

/**
 * Qdrant refused to list a collection in {@code timestamp_unix} order, which it does only when the field has a
 * payload index that supports ranges (the bots create a float one). Nothing was read; the caller can read the
 * collection in id order instead.
 */
public class TimeOrderUnavailableException extends ConversationSourceException {

    public TimeOrderUnavailableException(String collectionName, Throwable cause) {
        super(
                "Qdrant cannot list " + collectionName + " in timestamp_unix order (no range index on the field): "
                        + cause.getMessage(),
                cause);
    }
}
