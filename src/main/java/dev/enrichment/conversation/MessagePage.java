package dev.enrichment.conversation;

import java.util.List;

/** The messages of one scroll page, in the order Qdrant returned them (point id order, not time order). */
public record MessagePage(List<Message> messages, ReadStats stats) {
}
