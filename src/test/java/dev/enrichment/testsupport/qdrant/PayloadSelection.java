package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a {@code with_payload} selector: {@code enable} true/false, or a list of top-level keys to include or to
 * exclude. An absent selector falls back to the request's default (true for scroll, false for get, as in Qdrant).
 */
final class PayloadSelection {

    private PayloadSelection() {}

    static Map<String, Value> apply(
            WithPayloadSelector selector, boolean enabledByDefault, Map<String, Value> payload) {
        return switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> selector.getEnable() ? payload : Map.of();
            case INCLUDE -> {
                Map<String, Value> included = new LinkedHashMap<>();
                for (String key : selector.getInclude().getFieldsList()) {
                    if (payload.containsKey(key)) {
                        included.put(key, payload.get(key));
                    }
                }
                yield included;
            }
            case EXCLUDE -> {
                Map<String, Value> remaining = new LinkedHashMap<>(payload);
                selector.getExclude().getFieldsList().forEach(remaining::remove);
                yield remaining;
            }
            case SELECTOROPTIONS_NOT_SET -> enabledByDefault ? payload : Map.of();
        };
    }
}
