package dev.enrichment.conversation;

/** What a Qdrant point turned out to be: a message, another kind of point, or a point that cannot be read. */
record ParsedPoint(Kind kind, Message message, String reason, String rejectionCode, int droppedCharacters) {

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
        return new ParsedPoint(Kind.MESSAGE, message, null, null, droppedCharacters);
    }

    static ParsedPoint notAMessage(String reason) {
        return new ParsedPoint(Kind.NOT_A_MESSAGE, null, reason, null, 0);
    }

    static ParsedPoint malformed(String reason) {
        return new ParsedPoint(Kind.MALFORMED, null, reason, RejectedPoint.UNREADABLE, 0);
    }

    static ParsedPoint invalidUserId(String reason) {
        return new ParsedPoint(Kind.MALFORMED, null, reason, RejectedPoint.INVALID_USER_ID, 0);
    }
}
