package dev.enrichment.preference;

import java.time.Instant;
import java.util.Map;

/** For {@code NativeReflectionTest}: preference entries as {@link PreferenceWriter} writes them as JSON. */
public final class PreferenceJsonSamples {

    private static final Instant AT = Instant.parse("2025-10-18T10:00:00Z");

    private PreferenceJsonSamples() {}

    /** A new entry, one that replaced it (with {@code previous} and {@code history}) and a refreshed one. */
    public static Map<String, Object> entries() {
        NewPreference mark = new NewPreference("preferred_name", "Mark", 0.8, false, false, "signs as Mark");
        NewPreference marcus = new NewPreference("preferred_name", "Marcus", 0.95, true, true, "asked to be Marcus");
        Map<String, Object> created = PreferenceRules.newEntry(mark, "elena", AT, null);
        Map<String, Object> replaced = PreferenceRules.newEntry(marcus, "elena", AT.plusSeconds(60), created);
        Map<String, Object> again = PreferenceRules.newEntry(mark, "elena", AT.plusSeconds(120), replaced);
        return Map.of(
                "pronouns",
                created,
                "preferred_name",
                again,
                "timezone",
                PreferenceRules.refreshedEntry(replaced, marcus, AT.plusSeconds(180)));
    }
}
