package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One in-memory collection: payloads by point id (kept in Qdrant's id order) and the payload indexes created on it.
 * Vectors are never stored. Every method holds the collection's lock, so each request sees one consistent state.
 */
final class StoredCollection {

    private final CreateCollection definition;
    private final NavigableMap<PointKey, Map<String, Value>> points = new TreeMap<>();
    private final Map<String, PayloadIndex> indexes = new LinkedHashMap<>();

    StoredCollection(CreateCollection definition) {
        this.definition = definition;
    }

    CreateCollection definition() {
        return definition;
    }

    /** Inserts or overwrites whole points, as Qdrant's upsert does (the old payload is replaced, not merged). */
    synchronized void upsert(List<PointStruct> batch) {
        // Parse every id first so that a bad id rejects the whole batch, as a failed request would.
        Map<PointKey, Map<String, Value>> parsed = new LinkedHashMap<>();
        for (PointStruct point : batch) {
            if (!point.hasId()) {
                throw QdrantErrors.wrongInput("point id is missing");
            }
            parsed.put(PointKey.of(point.getId()), Map.copyOf(point.getPayloadMap()));
        }
        points.putAll(parsed);
    }

    synchronized void delete(List<PointId> ids) {
        ids.stream().map(PointKey::of).forEach(points::remove);
    }

    synchronized void delete(Filter filter) {
        points.entrySet().removeIf(entry -> FilterMatcher.matches(filter, entry.getKey(), entry.getValue()));
    }

    synchronized void createIndex(String field, PayloadIndex index) {
        indexes.put(field, index);
    }

    synchronized Optional<PayloadIndex> index(String field) {
        return Optional.ofNullable(indexes.get(field));
    }

    synchronized Map<String, PayloadIndex> indexes() {
        return Map.copyOf(indexes);
    }

    synchronized Optional<Map<String, Value>> payload(PointKey id) {
        return Optional.ofNullable(points.get(id));
    }

    synchronized long count(Filter filter) {
        return points.entrySet().stream()
                .filter(entry -> FilterMatcher.matches(filter, entry.getKey(), entry.getValue()))
                .count();
    }

    synchronized long size() {
        return points.size();
    }

    /** Runs a read against an unmodifiable view of the points while holding the lock. */
    synchronized <T> T read(Function<NavigableMap<PointKey, Map<String, Value>>, T> reader) {
        return reader.apply(Collections.unmodifiableNavigableMap(points));
    }
}
