package dev.enrichment.conversation;

/**
 * Text as PostgreSQL can store it and an LLM can read it. PostgreSQL's {@code text} rejects NUL, and an unpaired
 * UTF-16 surrogate has no UTF-8 form; both carry no meaning, so they are dropped (and counted) rather than letting
 * one message fail its window forever.
 */
public final class StorableText {

    /** WhisperEngine's user id columns are {@code VARCHAR(255)}. */
    public static final int MAX_USER_ID = 255;

    private StorableText() {}

    /** The text without NUL and unpaired surrogates; the same instance when there is nothing to drop. */
    public static String clean(String text) {
        if (text == null || storable(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (c != '\u0000' && !Character.isSurrogate(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** How many characters {@link #clean} drops. */
    public static int dropped(String text) {
        return text == null ? 0 : text.length() - clean(text).length();
    }

    /** Why this user id cannot be stored, or null when it can. */
    public static String userIdProblem(String userId) {
        if (userId == null || userId.isBlank()) {
            return "no user_id";
        }
        if (userId.length() > MAX_USER_ID) {
            return "user_id is " + userId.length() + " characters long (at most " + MAX_USER_ID + ")";
        }
        if (!storable(userId) || userId.chars().anyMatch(Character::isISOControl)) {
            return "user_id contains control characters";
        }
        return null;
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
