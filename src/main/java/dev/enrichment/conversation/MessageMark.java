package dev.enrichment.conversation;

import java.time.Instant;

/**
 * What discovery needs of a message: which point, whose, and when. Read without the message text, which is most of a
 * point's size and is read again, with the window, when the window is analysed.
 */
public record MessageMark(String pointId, String userId, Instant timestamp) {

    public static MessageMark of(Message message) {
        return new MessageMark(message.pointId(), message.userId(), message.timestamp());
    }
}
