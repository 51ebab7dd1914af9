package dev.enrichment.conversation;

/** What a Qdrant point turned out to be: a message, another kind of point, or a point that cannot be read. */
record ParsedPoint(Kind kind, Message message, String reason) {

    enum Kind {
        MESSAGE,
        /** A point that is deliberately not a message: a conversation pair, an emoji reaction, another memory type. */
        NOT_A_MESSAGE,
        /** A point that should be a message but cannot be read: no user, no usable time, no text. */
        MALFORMED
    }

    static ParsedPoint message(Message message) {
        return new ParsedPoint(Kind.MESSAGE, message, null);
    }

    static ParsedPoint notAMessage(String reason) {
        return new ParsedPoint(Kind.NOT_A_MESSAGE, null, reason);
    }

    static ParsedPoint malformed(String reason) {
        return new ParsedPoint(Kind.MALFORMED, null, reason);
    }
}
