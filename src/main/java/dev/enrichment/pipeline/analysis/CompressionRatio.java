package dev.enrichment.pipeline.analysis;

import dev.enrichment.conversation.Message;
import java.util.List;

/** Summary length over the total length of the messages it summarises (their full contents, not the cut ones). */
final class CompressionRatio {

    private CompressionRatio() {}

    static double of(String summary, List<Message> messages) {
        long total = 0;
        for (Message message : messages) {
            total += message.content() == null ? 0 : message.content().length();
        }
        return total == 0 ? 0.0 : (double) summary.length() / total;
    }
}
