package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Vector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One in-memory collection: payloads by point id (kept in Qdrant's id order), the payload indexes created on it and,
 * for a collection created with one unnamed dense cosine vector, each point's vector (normalised on upsert, as
 * Qdrant does for cosine, so a search scores by the dot product). Other vectors are not stored. Every method holds
 * the collection's lock, so each request sees one consistent state.
 */
final class StoredCollection {

    private final CreateCollection definition;
    private final NavigableMap<PointKey, Map<String, Value>> points = new TreeMap<>();
    private final Map<String, PayloadIndex> indexes = new LinkedHashMap<>();
    private final Map<PointKey, float[]> vectors = new HashMap<>();

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
        Map<PointKey, float[]> parsedVectors = new HashMap<>();
        for (PointStruct point : batch) {
            if (!point.hasId()) {
                throw QdrantErrors.wrongInput("point id is missing");
            }
            PointKey key = PointKey.of(point.getId());
            parsed.put(key, Map.copyOf(point.getPayloadMap()));
            if (searchable()) {
                parsedVectors.put(key, normalised(denseVector(point)));
            }
        }
        points.putAll(parsed);
        vectors.putAll(parsedVectors);
    }

    synchronized void delete(List<PointId> ids) {
        ids.stream().map(PointKey::of).forEach(id -> {
            points.remove(id);
            vectors.remove(id);
        });
    }

    synchronized void delete(Filter filter) {
        points.entrySet().removeIf(entry -> FilterMatcher.matches(filter, entry.getKey(), entry.getValue()));
        vectors.keySet().retainAll(points.keySet());
    }

    /**
     * Qdrant's {@code Search} on the one unnamed vector: the points matching the filter, by score (the cosine of the
     * query and the point) descending, at most {@code limit}.
     */
    synchronized List<Scored> search(List<Float> query, Filter filter, int limit) {
        if (!searchable()) {
            throw QdrantErrors.unsupported("search in a collection without one unnamed cosine vector");
        }
        float[] q = new float[query.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = query.get(i);
        }
        if (q.length != definition.getVectorsConfig().getParams().getSize()) {
            throw QdrantErrors.wrongInput("Vector dimension error: expected dim: "
                    + definition.getVectorsConfig().getParams().getSize() + ", got " + q.length);
        }
        float[] normalisedQuery = normalised(q);
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<PointKey, Map<String, Value>> entry : points.entrySet()) {
            float[] vector = vectors.get(entry.getKey());
            if (vector != null && FilterMatcher.matches(filter, entry.getKey(), entry.getValue())) {
                float dot = 0;
                for (int i = 0; i < vector.length; i++) {
                    dot += vector[i] * normalisedQuery[i];
                }
                scored.add(new Scored(entry.getKey(), dot, entry.getValue()));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
        return scored.size() > limit ? List.copyOf(scored.subList(0, limit)) : scored;
    }

    /** A search hit: the point, its score and its payload. */
    record Scored(PointKey id, float score, Map<String, Value> payload) {}

    /** Whether the collection holds one unnamed dense vector with cosine distance, the only kind stored. */
    private boolean searchable() {
        return definition.hasVectorsConfig()
                && definition.getVectorsConfig().hasParams()
                && definition.getVectorsConfig().getParams().getDistance() == Distance.Cosine;
    }

    private float[] denseVector(PointStruct point) {
        if (!point.hasVectors() || !point.getVectors().hasVector()) {
            throw QdrantErrors.wrongInput("Wrong input: a vector is required for this collection");
        }
        Vector vector = point.getVectors().getVector();
        List<Float> data = vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList();
        long size = definition.getVectorsConfig().getParams().getSize();
        if (data.size() != size) {
            throw QdrantErrors.wrongInput(
                    "Wrong input: Vector dimension error: expected dim: " + size + ", got " + data.size());
        }
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i);
        }
        return values;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector.clone();
        }
        float[] result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = (float) (vector[i] / norm);
        }
        return result;
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
