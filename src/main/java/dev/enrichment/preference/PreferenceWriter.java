package dev.enrichment.preference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.preference.PreferenceRules.Decision;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges one window's preferences into {@code universal_users.preferences}, key by key, under the rules of
 * {@link PreferenceRules}.
 *
 * <p>The user row is locked while the current values are read, and only the keys that change are written, with
 * {@code preferences || patch}: a key the bots write at the same time is neither lost nor overwritten.
 */
@ApplicationScoped
public class PreferenceWriter {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final UserDirectory users;

    PreferenceWriter(EntityManager entityManager, ObjectMapper json, UserDirectory users) {
        this.entityManager = entityManager;
        this.json = json;
        this.users = users;
    }

    /** @param at when the preferences were extracted; becomes each written entry's {@code updated_at} */
    @Transactional(Transactional.TxType.MANDATORY)
    public PreferenceMergeOutcome merge(String userId, String botName, List<NewPreference> preferences, Instant at) {
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(at, "at");
        if (botName == null || botName.isBlank()) {
            throw new IllegalArgumentException("preferences need the bot name of their window");
        }
        List<String> rejections = new ArrayList<>();
        List<NewPreference> accepted = accepted(preferences, rejections);
        Map<Decision, Integer> counts = accepted.isEmpty() ? Map.of() : apply(userId, botName, accepted, at);
        PreferenceMergeOutcome outcome = new PreferenceMergeOutcome(
                counts.getOrDefault(Decision.CREATE, 0),
                counts.getOrDefault(Decision.REPLACE, 0),
                counts.getOrDefault(Decision.REFRESH, 0),
                counts.getOrDefault(Decision.KEEP, 0),
                rejections.size(),
                rejections);
        Log.debugf("Preferences for user %s with %s: %s", userId, botName, outcome);
        return outcome;
    }

    private static List<NewPreference> accepted(List<NewPreference> preferences, List<String> rejections) {
        List<NewPreference> accepted = new ArrayList<>();
        for (int i = 0; i < preferences.size(); i++) {
            String reason = PreferenceRules.rejection(preferences.get(i));
            if (reason == null) {
                accepted.add(preferences.get(i));
            } else {
                rejections.add("preference " + (i + 1) + ": " + reason);
            }
        }
        return accepted;
    }

    private Map<Decision, Integer> apply(String userId, String botName, List<NewPreference> accepted, Instant at) {
        users.ensureUser(userId, at);
        Map<String, Object> stored = lockPreferences(userId);
        Map<String, Object> patch = new LinkedHashMap<>();
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        for (NewPreference preference : accepted) {
            String type = PreferenceRules.type(preference);
            Object current = patch.containsKey(type) ? patch.get(type) : stored.get(type);
            Decision decision = PreferenceRules.decide(current, preference);
            counts.merge(decision, 1, Integer::sum);
            switch (decision) {
                case CREATE -> patch.put(type, PreferenceRules.newEntry(preference, botName, at, null));
                case REPLACE -> patch.put(type, PreferenceRules.newEntry(preference, botName, at, current));
                case REFRESH -> patch.put(type, PreferenceRules.refreshedEntry(current, preference, at));
                case KEEP -> {
                    // the stored value takes precedence; nothing to write
                }
            }
        }
        if (!patch.isEmpty()) {
            writePatch(userId, patch);
        }
        return counts;
    }

    /** The current preferences, with the user row locked against other writers until the transaction ends. */
    private Map<String, Object> lockPreferences(String userId) {
        List<?> rows =
                entityManager.createNativeQuery("""
                        SELECT CAST(preferences AS text) FROM universal_users WHERE universal_id = :id
                           FOR NO KEY UPDATE""").setParameter("id", userId).getResultList();
        String text = rows.isEmpty() ? null : (String) rows.get(0);
        JsonNode node = text == null ? null : readTree(text);
        if (node != null && node.isTextual()) {
            // json.dumps(...) stored into the jsonb column: a string holding the object
            JsonNode decoded = readTree(node.textValue());
            if (decoded != null && decoded.isObject()) {
                Map<String, Object> carried = json.convertValue(decoded, OBJECT);
                writePatch(userId, carried);
                return carried;
            }
        }
        if (node != null && !node.isObject() && !node.isNull()) {
            Log.warnf(
                    "universal_users.preferences of user %s is a JSON %s, not an object; it is replaced",
                    userId, node.getNodeType());
        }
        return node != null && node.isObject() ? json.convertValue(node, OBJECT) : Map.of();
    }

    private void writePatch(String userId, Map<String, Object> patch) {
        entityManager
                .createNativeQuery("""
                        UPDATE universal_users
                           SET preferences = (CASE WHEN jsonb_typeof(preferences) = 'object'
                                                   THEN preferences ELSE CAST('{}' AS jsonb) END)
                                             || CAST(:patch AS jsonb)
                         WHERE universal_id = :id""")
                .setParameter("patch", write(patch))
                .setParameter("id", userId)
                .executeUpdate();
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise preferences JSON", e);
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
