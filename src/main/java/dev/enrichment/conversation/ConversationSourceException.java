package dev.enrichment.conversation;

import dev.enrichment.problem.ProblemException;

/** Qdrant could not be read; the work that needed it should be retried later. */
public class ConversationSourceException extends ProblemException {

    public ConversationSourceException(String message, Throwable cause) {
        super(
                Kind.SOURCE_UNAVAILABLE,
                "the conversation source (Qdrant) cannot be read right now; try again later",
                message,
                cause);
    }
}
