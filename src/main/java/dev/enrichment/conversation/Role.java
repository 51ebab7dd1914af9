package dev.enrichment.conversation;

/** Who wrote a message. */
public enum Role {
    USER,
    ASSISTANT
}
