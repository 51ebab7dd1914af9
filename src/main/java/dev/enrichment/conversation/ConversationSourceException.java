package dev.enrichment.conversation;

/** Qdrant could not be read; the work that needed it should be retried later. */
public class ConversationSourceException extends RuntimeException {

    public ConversationSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
