package dev.enrichment.conversation;

/**
 * A point that should have been a message but cannot be stored: the reason is a short code, the detail says what
 * was found.
 *
 * @param reason {@code invalid_user_id} or {@code unreadable} (no usable time, content that is not text or blank)
 */
public record RejectedPoint(String pointId, String userId, String reason, String detail) {

    public static final String INVALID_USER_ID = "invalid_user_id";
    public static final String UNREADABLE = "unreadable";
}
