package dev.enrichment.preference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.PythonIsoTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads users' preferences from {@code universal_users.preferences}, leniently: several writers, several shapes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PreferenceReader {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    PreferenceReader(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The user's preferences by type; an unknown user has none. */
    public UserPreferences preferences(String userId) {
        Map<String, PreferenceView> views = new TreeMap<>();
        stored(userId).forEach((type, entry) -> views.put(type, view(StoredEntry.of(entry))));
        return new UserPreferences(userId, views);
    }

    /** The user's {@code timezone} preference, when it names a valid zone id such as Europe/Berlin. */
    public Optional<ZoneId> timezone(String userId) {
        // only this entry is turned into Java objects: the recap asks on every request, and a user's preferences
        // can hold many entries with their history
        JsonNode entry = storedObject(userId).map(node -> node.get("timezone")).orElse(null);
        String value = StoredEntry.of(entry == null ? null : json.convertValue(entry, Object.class))
                .value();
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> stored(String userId) {
        return storedObject(userId).map(node -> json.convertValue(node, OBJECT)).orElse(Map.of());
    }

    /** The stored preferences object; empty when the user has none or they are not an object. */
    private Optional<JsonNode> storedObject(String userId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT CAST(preferences AS text) FROM universal_users WHERE universal_id = :id")
                .setParameter("id", userId)
                .getResultList();
        JsonNode node = rows.isEmpty() ? null : readTree((String) rows.get(0));
        if (node != null && node.isTextual()) {
            // json.dumps(...) stored into the jsonb column: a string holding the object
            node = readTree(node.textValue());
        }
        return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    }

    private static PreferenceView view(StoredEntry entry) {
        Map<String, Object> metadata = entry.metadata();
        Object confidence = entry.asMap().get("confidence");
        Object source = metadata.getOrDefault("extraction_method", metadata.get("detection_method"));
        Object bot = metadata.get("bot_name");
        return new PreferenceView(
                entry.value(),
                confidence instanceof Number n ? n.doubleValue() : null,
                PythonIsoTime.parse(entry.asMap().get("updated_at")).orElse(null),
                entry.explicit(),
                bot == null ? null : bot.toString(),
                source == null ? null : source.toString());
    }

    private JsonNode readTree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
