package dev.enrichment.summary;

import dev.enrichment.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The position after the last summary of a page in the listing order (start descending, id descending), as an
 * opaque base64url token. Keyset positions keep pages stable while rows are added.
 */
record SummaryCursor(LocalDateTime start, int id) {

    private static final String VERSION = "s1";

    static SummaryCursor after(ConversationSummary last) {
        return new SummaryCursor(last.startTimestamp, last.id);
    }

    String encode() {
        String plain = VERSION + "|" + start + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the {@code cursor} query parameter; null when it is blank, a 400 for a cursor this API did not hand out.
     */
    static SummaryCursor valueOf(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|");
            if (parts.length == 3 && VERSION.equals(parts[0])) {
                return new SummaryCursor(LocalDateTime.parse(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below
        }
        throw ProblemException.invalid(
                "cursor", "is not a cursor this API returned; use next_cursor from the previous page");
    }
}
