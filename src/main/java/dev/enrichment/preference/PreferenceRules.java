package dev.enrichment.preference;

import dev.enrichment.PythonIsoTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a new preference meets the stored one for the same key in {@code universal_users.preferences} (reference 3.6).
 *
 * <p>A different value replaces the stored one when the new one is explicit or a stated change, or when the stored
 * one is not explicit and the new one is at least as confident. Entries the bots' regex path wrote
 * ({@code metadata.detection_method = regex_pattern}) count as explicit. The same value again only refreshes the
 * confidence (the higher one) and {@code updated_at}. A replaced value is kept under {@code previous}, and up to
 * {@value #MAX_HISTORY} values before it under {@code history}, newest first.
 */
final class PreferenceRules {

    static final String EXTRACTION_METHOD = "enrichment_service";
    static final int MAX_VALUE = 500;
    static final int MAX_HISTORY = 4;
    private static final int MAX_REASONING = 1_000;

    /** What happens to one key. */
    enum Decision {
        CREATE,
        REPLACE,
        REFRESH,
        KEEP
    }

    private PreferenceRules() {}

    /** Why the preference cannot be stored, or null; the reason never quotes the value. */
    static String rejection(NewPreference preference) {
        if (preference == null) {
            return "preference is null";
        }
        String type = type(preference);
        if (!PreferenceTypes.ALL.contains(type)) {
            return "type is not one of "
                    + String.join(", ", PreferenceTypes.ALL.stream().sorted().toList());
        }
        String value = value(preference);
        if (value.isEmpty()) {
            return type + ": value is blank";
        }
        if (value.length() > MAX_VALUE) {
            return type + ": value has " + value.length() + " characters, at most " + MAX_VALUE;
        }
        if (value.indexOf('\u0000') >= 0) {
            return type + ": value has a NUL character, which PostgreSQL JSON cannot hold";
        }
        double confidence = preference.confidence();
        if (!Double.isFinite(confidence) || confidence < 0 || confidence > 1) {
            return type + ": confidence " + confidence + " is outside 0..1";
        }
        return null;
    }

    static String type(NewPreference preference) {
        return preference.type() == null ? "" : preference.type().strip().toLowerCase(Locale.ROOT);
    }

    static String value(NewPreference preference) {
        return preference.value() == null ? "" : preference.value().strip();
    }

    /** @param stored the key's current entry, or null when the user has none */
    static Decision decide(Object stored, NewPreference preference) {
        if (stored == null) {
            return Decision.CREATE;
        }
        StoredEntry entry = StoredEntry.of(stored);
        if (value(preference).equals(entry.value())) {
            return Decision.REFRESH;
        }
        if (preference.explicit() || preference.preferenceChange()) {
            return Decision.REPLACE;
        }
        if (entry.explicit()) {
            return Decision.KEEP;
        }
        return preference.confidence() >= entry.confidence() ? Decision.REPLACE : Decision.KEEP;
    }

    /** The entry to write for a CREATE or REPLACE. */
    static Map<String, Object> newEntry(NewPreference preference, String botName, Instant at, Object stored) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("extraction_method", EXTRACTION_METHOD);
        metadata.put("reasoning", reasoning(preference.reasoning()));
        metadata.put("is_explicit", preference.explicit());
        metadata.put("is_preference_change", preference.preferenceChange());
        metadata.put("bot_name", botName);

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("value", value(preference));
        entry.put("confidence", preference.confidence());
        entry.put("updated_at", PythonIsoTime.utcWithOffset(at));
        entry.put("metadata", metadata);
        if (stored != null) {
            StoredEntry previous = StoredEntry.of(stored);
            entry.put("previous", previous.withoutChain());
            List<Object> history = new ArrayList<>(previous.chain());
            if (!history.isEmpty()) {
                entry.put("history", List.copyOf(history.subList(0, Math.min(MAX_HISTORY, history.size()))));
            }
        }
        return entry;
    }

    /** The stored entry with the higher confidence and a new {@code updated_at}; explicitness only ever grows. */
    static Map<String, Object> refreshedEntry(Object stored, NewPreference preference, Instant at) {
        StoredEntry entry = StoredEntry.of(stored);
        Map<String, Object> refreshed = new LinkedHashMap<>(entry.asMap());
        refreshed.put("confidence", Math.max(entry.confidence(), preference.confidence()));
        refreshed.put("updated_at", PythonIsoTime.utcWithOffset(at));
        if (preference.explicit() && !entry.explicit()) {
            Map<String, Object> metadata = new LinkedHashMap<>(entry.metadata());
            metadata.put("is_explicit", true);
            refreshed.put("metadata", metadata);
        }
        return refreshed;
    }

    private static String reasoning(String reasoning) {
        if (reasoning == null) {
            return null;
        }
        String clean = reasoning.replace("\u0000", "").strip();
        return clean.length() > MAX_REASONING ? clean.substring(0, MAX_REASONING) : clean;
    }
}
