package dev.enrichment.conversation;

/** What a Qdrant point turned out to be: a message, another kind of point, or a point that cannot be read. */
record ParsedPoint(
        Kind kind, Message message, MessageMark mark, String reason, String rejectionCode, int droppedCharacters) {

    enum Kind {
        MESSAGE,
        /** A point that is deliberately not a message: a conversation pair, an emoji reaction, another memory type. */
        NOT_A_MESSAGE,
        /** A point that should be a message but cannot be read: no user, no usable time, no text. */
        MALFORMED
    }

    static ParsedPoint message(Message message) {
        return message(message, 0);
    }

    static ParsedPoint message(Message message, int droppedCharacters) {
        return new ParsedPoint(Kind.MESSAGE, message, MessageMark.of(message), null, null, droppedCharacters);
    }

    /** A message read without its text: only the mark is known. */
    static ParsedPoint mark(MessageMark mark) {
        return new ParsedPoint(Kind.MESSAGE, null, mark, null, null, 0);
    }

    static ParsedPoint notAMessage(String reason) {
        return new ParsedPoint(Kind.NOT_A_MESSAGE, null, null, reason, null, 0);
    }

    static ParsedPoint malformed(String reason) {
        return new ParsedPoint(Kind.MALFORMED, null, null, reason, RejectedPoint.UNREADABLE, 0);
    }

    static ParsedPoint invalidUserId(String reason) {
        return new ParsedPoint(Kind.MALFORMED, null, null, reason, RejectedPoint.INVALID_USER_ID, 0);
    }
}
