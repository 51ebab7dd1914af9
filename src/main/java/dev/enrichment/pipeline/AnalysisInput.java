package dev.enrichment.pipeline;

import dev.enrichment.conversation.Message;
import java.time.Instant;
import java.util.List;

/** One window to analyse: its identity and every user and assistant message in it, oldest first. */
public record AnalysisInput(
        String botName, String userId, Instant windowStart, Instant windowEnd, List<Message> messages) {

    public AnalysisInput {
        messages = List.copyOf(messages);
    }
}
