package dev.enrichment.conversation;

import java.util.List;

/**
 * The messages of one scroll page, in the order Qdrant returned them (point id order, not time order), and the
 * points that should have been messages but cannot be stored.
 */
public record MessagePage(List<Message> messages, List<RejectedPoint> rejected, ReadStats stats) {}
