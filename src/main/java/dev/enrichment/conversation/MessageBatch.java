package dev.enrichment.conversation;

import java.util.List;

/** Every message a query matched, oldest first, and what was skipped on the way. */
public record MessageBatch(List<Message> messages, ReadStats stats) {}
