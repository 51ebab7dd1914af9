package dev.enrichment.preference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key's current value in {@code universal_users.preferences}, read leniently: the bots' regex path and older
 * versions wrote other shapes, and a bare scalar counts as an inferred value of unknown confidence.
 */
record StoredEntry(Map<String, Object> asMap) {

    static StoredEntry of(Object stored) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (stored instanceof Map<?, ?> object) {
            object.forEach((key, value) -> map.put(String.valueOf(key), value));
        } else if (stored != null) {
            map.put("value", String.valueOf(stored));
        }
        return new StoredEntry(map);
    }

    String value() {
        Object value = asMap.get("value");
        return value == null ? null : String.valueOf(value).strip();
    }

    double confidence() {
        return asMap.get("confidence") instanceof Number number ? number.doubleValue() : 0.0;
    }

    Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (asMap.get("metadata") instanceof Map<?, ?> object) {
            object.forEach((key, value) -> metadata.put(String.valueOf(key), value));
        }
        return metadata;
    }

    /** Stated by the user: flagged so by the enrichment, or caught by the bots' "call me ..." regex path. */
    boolean explicit() {
        Map<String, Object> metadata = metadata();
        Object flag = metadata.get("is_explicit");
        return Boolean.TRUE.equals(flag)
                || "true".equals(flag)
                || "regex_pattern".equals(metadata.get("detection_method"));
    }

    /** The entry as a previous value: without its own {@code previous} and {@code history}. */
    Map<String, Object> withoutChain() {
        Map<String, Object> copy = new LinkedHashMap<>(asMap);
        copy.remove("previous");
        copy.remove("history");
        return copy;
    }

    /** The values this entry replaced, newest first. */
    List<Object> chain() {
        List<Object> chain = new ArrayList<>();
        if (asMap.get("previous") instanceof Map<?, ?> previous) {
            chain.add(previous);
        }
        if (asMap.get("history") instanceof List<?> history) {
            chain.addAll(history);
        }
        return chain;
    }
}
