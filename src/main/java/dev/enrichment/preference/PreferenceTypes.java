package dev.enrichment.preference;

import java.util.List;

/**
 * The preference keys WhisperEngine's bots read from {@code universal_users.preferences}: the analysis asks the LLM
 * for these and the writer accepts nothing else.
 */
public final class PreferenceTypes {

    public static final List<String> ALL = List.of(
            "preferred_name",
            "pronouns",
            "timezone",
            "location",
            "communication_style",
            "response_length",
            "language",
            "topic_preferences",
            "formality_level");

    private PreferenceTypes() {}
}
