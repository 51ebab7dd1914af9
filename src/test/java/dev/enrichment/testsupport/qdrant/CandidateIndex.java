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
 * {@code user_id} (one keyword or any of several) or a range on {@code timestamp_unix} (float), without reading every point. Without it the
 * double reads the whole collection for each filtered request, so a benchmark of a million points would measure the
 * double's scan instead of the request pattern. Like Qdrant's planner, a condition is used only when it selects a
 * small part of the collection; otherwise the scroll reads in id order as before. The answer is the same either way:
 * candidates are checked against the full filter.
 */
final class CandidateIndex {

    private static final String USER_ID = "user_id";
    static final String TIMESTAMP_UNIX = "timestamp_unix";

    /** Beyond this an integer is no longer exact as a double, so the time index could not order it exactly. */
    private static final long EXACT_AS_DOUBLE = 1L << 53;

    private final Map<String, NavigableSet<PointKey>> byUser = new HashMap<>();
    private final NavigableMap<Double, NavigableSet<PointKey>> byTime = new TreeMap<>();
    /** Points whose timestamp_unix the time index cannot order as Qdrant would (a list, say): none, usually. */
    private long irregularTimes;

    void add(PointKey key, Map<String, Value> payload) {
        Value user = payload.get(USER_ID);
        if (user != null && user.hasStringValue()) {
            byUser.computeIfAbsent(user.getStringValue(), u -> new TreeSet<>()).add(key);
        }
        Double time = number(payload.get(TIMESTAMP_UNIX));
        if (time != null) {
            byTime.computeIfAbsent(time, t -> new TreeSet<>()).add(key);
        } else if (irregular(payload.get(TIMESTAMP_UNIX))) {
            irregularTimes++;
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
                if (keys.isEmpty()) {
                    byTime.remove(time);
                }
            }
        } else if (irregular(payload.get(TIMESTAMP_UNIX))) {
            irregularTimes--;
        }
    }

    /** A value a float index would hold in a way the time index does not mirror. */
    private static boolean irregular(Value value) {
        return value != null && (value.hasListValue() || value.hasStructValue() || value.hasIntegerValue());
    }

    /** A point and its timestamp_unix. */
    record Timed(PointKey key, double time) {}

    /** A float index takes integers too (the bots write floats; tests and old data may hold integers). */
    private static Double number(Value value) {
        if (value == null) {
            return null;
        }
        if (value.hasDoubleValue()) {
            return value.getDoubleValue();
        }
        return value.hasIntegerValue() && Math.abs(value.getIntegerValue()) <= EXACT_AS_DOUBLE
                ? Double.valueOf(value.getIntegerValue())
                : null;
    }

    /**
     * The points holding a timestamp_unix value from {@code start} on (inclusive; everything when null), in the order
     * a float index's {@code order_by} lists them: by value, ties by id. Empty when some point holds a value this index
     * cannot place (a list, an integer too large for a double), so that the caller reads every point instead.
     */
    Optional<Iterable<Timed>> inTimeOrder(Double start, boolean descending) {
        if (irregularTimes > 0) {
            return Optional.empty();
        }
        NavigableMap<Double, NavigableSet<PointKey>> range = start == null
                ? (descending ? byTime.descendingMap() : byTime)
                : (descending ? byTime.headMap(start, true).descendingMap() : byTime.tailMap(start, true));
        // a float index holds no NaN or infinity, so order_by never lists such a point
        Iterable<Timed> keys = () -> range.entrySet().stream()
                .filter(at -> Double.isFinite(at.getKey()))
                .flatMap(at -> at.getValue().stream().map(key -> new Timed(key, at.getKey())))
                .iterator();
        return Optional.of(keys);
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
        if (field.getKey().equals(USER_ID)
                && field.hasMatch()
                && field.getMatch().hasKeywords()) {
            // any of several users (the backfill reads a batch of them): the union of their points
            NavigableSet<PointKey> keys = new TreeSet<>();
            for (String user : field.getMatch().getKeywords().getStringsList()) {
                keys.addAll(byUser.getOrDefault(user, new TreeSet<>()));
                if (keys.size() > atMost) {
                    return null;
                }
            }
            return keys;
        }
        if (field.getKey().equals(TIMESTAMP_UNIX) && field.hasRange()) {
            var range = field.getRange();
            double from = range.hasGte() ? range.getGte() : range.hasGt() ? range.getGt() : Double.NEGATIVE_INFINITY;
            double to = range.hasLte() ? range.getLte() : range.hasLt() ? range.getLt() : Double.POSITIVE_INFINITY;
            if (from > to) {
                return new TreeSet<>();
            }
            NavigableMap<Double, NavigableSet<PointKey>> within = byTime.subMap(from, true, to, true);
            // count before collecting: a wide range (discovery's first read) is most of the collection
            long count = 0;
            for (NavigableSet<PointKey> at : within.values()) {
                count += at.size();
                if (count > atMost) {
                    return null;
                }
            }
            NavigableSet<PointKey> keys = new TreeSet<>();
            within.values().forEach(keys::addAll);
            return keys;
        }
        return null;
    }
}
