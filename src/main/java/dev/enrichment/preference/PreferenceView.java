package dev.enrichment.preference;

import java.time.Instant;

/**
 * One preference of a user as the API returns it.
 *
 * @param value the preference's value as text, e.g. "Mark" for preferred_name
 * @param confidence null when the entry has none (older or hand-written entries)
 * @param updatedAt when it was last written; a timestamp stored without offset is read as UTC
 * @param isExplicit stated by the user (or caught by the bots' "call me ..." pattern) rather than inferred
 * @param bot the bot whose conversation it came from, when recorded
 * @param source how it was found, e.g. {@code enrichment_service}, {@code enrichment_worker} or {@code regex_pattern}
 */
public record PreferenceView(
        String value, Double confidence, Instant updatedAt, boolean isExplicit, String bot, String source) {}
