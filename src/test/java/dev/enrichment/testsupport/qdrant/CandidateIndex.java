package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Qdrant's payload indexes give a filtered scroll: the points that can match a {@code must} condition on
 * {@code user_id} (keyword) or a range on {@code timestamp_unix} (float), without reading every point. Without it the
 * double reads the whole collection for each filtered request, so a benchmark of a million points would measure the
 * double's scan instead of the request pattern. Like Qdrant's planner, a condition is used only when it selects a
 * small part of the collection; otherwise the scroll reads in id order as before. The answer is the same either way:
 * candidates are checked against the full filter.
 */
final class CandidateIndex {

    private static final String USER_ID = "user_id";
    private static final String TIMESTAMP_UNIX = "timestamp_unix";

    private final Map<String, NavigableSet<PointKey>> byUser = new HashMap<>();
    private final NavigableMap<Double, NavigableSet<PointKey>> byTime = new TreeMap<>();

    void add(PointKey key, Map<String, Value> payload) {
        Value user = payload.get(USER_ID);
        if (user != null && user.hasStringValue()) {
            byUser.computeIfAbsent(user.getStringValue(), u -> new TreeSet<>()).add(key);
        }
        Double time = number(payload.get(TIMESTAMP_UNIX));
        if (time != null) {
            byTime.computeIfAbsent(time, t -> new TreeSet<>()).add(key);
        }
    }

    void remove(PointKey key, Map<String, Value> payload) {
        Value user = payload.get(USER_ID);
        if (user != null && user.hasStringValue()) {
            NavigableSet<PointKey> keys = byUser.get(user.getStringValue());
            if (keys != null) {
                keys.remove(key);
            }
        }
        Double time = number(payload.get(TIMESTAMP_UNIX));
        if (time != null) {
            NavigableSet<PointKey> keys = byTime.get(time);
            if (keys != null) {
                keys.remove(key);
            }
        }
    }

    /** A float index takes integers too (the bots write floats; tests and old data may hold integers). */
    private static Double number(Value value) {
        if (value == null) {
            return null;
        }
        return value.hasDoubleValue()
                ? Double.valueOf(value.getDoubleValue())
                : value.hasIntegerValue() ? Double.valueOf(value.getIntegerValue()) : null;
    }

    /** Points that may match, in id order, when a must condition narrows the collection to under an eighth. */
    Optional<NavigableSet<PointKey>> candidates(Filter filter, long size) {
        NavigableSet<PointKey> best = null;
        for (Condition condition : filter.getMustList()) {
            if (!condition.hasField()) {
                continue;
            }
            NavigableSet<PointKey> found = candidates(condition.getField(), size / 8);
            if (found != null && (best == null || found.size() < best.size())) {
                best = found;
            }
        }
        return Optional.ofNullable(best);
    }

    private NavigableSet<PointKey> candidates(FieldCondition field, long atMost) {
        if (field.getKey().equals(USER_ID)
                && field.hasMatch()
                && field.getMatch().hasKeyword()) {
            NavigableSet<PointKey> keys = byUser.get(field.getMatch().getKeyword());
            return keys == null ? new TreeSet<>() : keys;
        }
        if (field.getKey().equals(TIMESTAMP_UNIX) && field.hasRange()) {
            var range = field.getRange();
            double from = range.hasGte() ? range.getGte() : range.hasGt() ? range.getGt() : Double.NEGATIVE_INFINITY;
            double to = range.hasLte() ? range.getLte() : range.hasLt() ? range.getLt() : Double.POSITIVE_INFINITY;
            if (from > to) {
                return new TreeSet<>();
            }
            NavigableSet<PointKey> keys = new TreeSet<>();
            for (NavigableSet<PointKey> at : byTime.subMap(from, true, to, true).values()) {
                keys.addAll(at);
                if (keys.size() > atMost) {
                    return null;
                }
            }
            return keys;
        }
        return null;
    }
}
