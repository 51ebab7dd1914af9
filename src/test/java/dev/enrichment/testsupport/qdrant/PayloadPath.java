package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves a payload key the way Qdrant's JSON paths do: {@code a.b} walks into objects and {@code a[].b} walks
 * through every element of the array {@code a}. Returns every value found, empty when the key is missing.
 */
final class PayloadPath {

    private PayloadPath() {}

    static List<Value> resolve(Map<String, Value> payload, String key) {
        if (key.indexOf('.') < 0 && key.indexOf('[') < 0) {
            // a top-level key, as nearly every filter has: one lookup
            Value value = payload.get(key);
            return value == null ? List.of() : List.of(value);
        }
        List<Value> current = null;
        for (String segment : key.split("\\.", -1)) {
            boolean throughArray = segment.endsWith("[]");
            String name = throughArray ? segment.substring(0, segment.length() - 2) : segment;
            List<Value> next = new ArrayList<>();
            if (current == null) {
                Value value = payload.get(name);
                if (value != null) {
                    next.add(value);
                }
            } else {
                for (Value parent : current) {
                    if (parent.hasStructValue() && parent.getStructValue().containsFields(name)) {
                        next.add(parent.getStructValue().getFieldsOrThrow(name));
                    }
                }
            }
            current = throughArray ? elementsOf(next) : next;
        }
        return current == null ? List.of() : current;
    }

    private static List<Value> elementsOf(List<Value> values) {
        List<Value> elements = new ArrayList<>();
        for (Value value : values) {
            if (value.hasListValue()) {
                elements.addAll(value.getListValue().getValuesList());
            }
        }
        return elements;
    }
}
