package dev.enrichment.conversation;

import java.util.List;

/**
 * Every message a query matched, oldest first, the points that should have been messages but cannot be enriched,
 * and what was skipped on the way.
 */
public record MessageBatch(List<Message> messages, List<RejectedPoint> rejected, ReadStats stats) {}
