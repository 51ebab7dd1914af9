package dev.enrichment.preference;

import java.util.Map;

/** A user's preferences, by preference type (e.g. preferred_name, timezone); shared by every bot. */
public record UserPreferences(String userId, Map<String, PreferenceView> preferences) {}
