package dev.enrichment.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for the JSON-shaped maps jobs keep (numbers come back from JSONB as Integer or Long). */
final class JobMaps {

    private JobMaps() {
    }

    static Object plus(Object a, Object b) {
        return ((Number) a).longValue() + ((Number) b).longValue();
    }

    /** A mutable copy, one level of nested maps deep, of a saved per-bot table; empty for null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> table) {
        Map<String, Object> copy = new java.util.TreeMap<>();
        if (table != null) {
            table.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> row
                    ? new LinkedHashMap<>((Map<String, Object>) row) : value));
        }
        return copy;
    }
}
