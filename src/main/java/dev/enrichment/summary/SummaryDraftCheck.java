package dev.enrichment.summary;

import java.util.Objects;

/** Refuses, before any SQL, a draft that {@code conversation_summaries} could not hold. */
final class SummaryDraftCheck {

    private SummaryDraftCheck() {}

    static void require(SummaryDraft draft) {
        Objects.requireNonNull(draft, "draft");
        text("user_id", draft.userId(), 255);
        text("bot_name", draft.botName(), 100);
        text("summary_type", draft.summaryType(), 50);
        text("enrichment_version", draft.enrichmentVersion(), 20);
        if (draft.summaryText() == null || draft.summaryText().isBlank()) {
            throw new IllegalArgumentException("summary_text is blank");
        }
        if (draft.emotionalTone() != null && draft.emotionalTone().length() > 50) {
            throw new IllegalArgumentException(
                    "emotional_tone has " + draft.emotionalTone().length() + " characters, at most 50");
        }
        if (draft.windowStart() == null
                || draft.windowEnd() == null
                || !draft.windowStart().isBefore(draft.windowEnd())) {
            throw new IllegalArgumentException("a summary window needs a start before its end");
        }
        if (draft.messageCount() < 0) {
            throw new IllegalArgumentException("message_count is negative");
        }
        if (!Double.isFinite(draft.compressionRatio()) || !Double.isFinite(draft.confidenceScore())) {
            throw new IllegalArgumentException("compression_ratio and confidence_score must be finite");
        }
        if (draft.keyTopics() != null && draft.keyTopics().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("key_topics contains null");
        }
        if (hasNul(draft.summaryText())
                || hasNul(draft.emotionalTone())
                || (draft.keyTopics() != null && draft.keyTopics().stream().anyMatch(SummaryDraftCheck::hasNul))) {
            throw new IllegalArgumentException("a NUL character, which PostgreSQL text cannot hold");
        }
    }

    private static void text(String column, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + " is blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(column + " has " + value.length() + " characters, at most " + maxLength);
        }
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
