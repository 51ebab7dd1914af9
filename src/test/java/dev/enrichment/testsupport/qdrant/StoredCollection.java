package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
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
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One in-memory collection: payloads by point id (kept in Qdrant's id order), the payload indexes created on it and
 * the dense cosine vectors of its points, unnamed or named (normalised on upsert, as Qdrant does for cosine, so a
 * search scores by the dot product). Vectors of other distances are checked but not stored. Every method holds the
 * collection's lock, so each request sees one consistent state.
 */
final class StoredCollection {

    private final CreateCollection definition;
    private final NavigableMap<PointKey, Map<String, Value>> points = new TreeMap<>();
    private final Map<String, PayloadIndex> indexes = new LinkedHashMap<>();
    /** By vector name ({@code ""} for the unnamed vector), then by point. */
    private final Map<String, Map<PointKey, float[]>> vectors = new HashMap<>();

    private final CandidateIndex candidates = new CandidateIndex();

    StoredCollection(CreateCollection definition) {
        this.definition = definition;
    }

    CreateCollection definition() {
        return definition;
    }

    /** Inserts or overwrites whole points, as Qdrant's upsert does (the old payload is replaced, not merged). */
    synchronized void upsert(List<PointStruct> batch) {
        // Parse every id and vector first so that a bad one rejects the whole batch, as a failed request would.
        Map<PointKey, Map<String, Value>> parsed = new LinkedHashMap<>();
        Map<PointKey, Map<String, float[]>> parsedVectors = new HashMap<>();
        for (PointStruct point : batch) {
            if (!point.hasId()) {
                throw QdrantErrors.wrongInput("point id is missing");
            }
            PointKey key = PointKey.of(point.getId());
            parsed.put(key, Map.copyOf(point.getPayloadMap()));
            parsedVectors.put(key, cosineVectors(point));
        }
        parsed.forEach((key, payload) -> {
            Map<String, Value> old = points.put(key, payload);
            if (old != null) {
                candidates.remove(key, old);
            }
            candidates.add(key, payload);
        });
        parsedVectors.forEach((key, byName) -> {
            // an upsert replaces the whole point, vectors included
            vectors.values().forEach(stored -> stored.remove(key));
            byName.forEach((name, vector) ->
                    vectors.computeIfAbsent(name, n -> new HashMap<>()).put(key, vector));
        });
    }

    synchronized void delete(List<PointId> ids) {
        ids.stream().map(PointKey::of).forEach(id -> {
            Map<String, Value> old = points.remove(id);
            if (old != null) {
                candidates.remove(id, old);
            }
            vectors.values().forEach(stored -> stored.remove(id));
        });
    }

    synchronized void delete(Filter filter) {
        points.entrySet().removeIf(entry -> {
            boolean matches = FilterMatcher.matches(filter, entry.getKey(), entry.getValue());
            if (matches) {
                candidates.remove(entry.getKey(), entry.getValue());
            }
            return matches;
        });
        vectors.values().forEach(stored -> stored.keySet().retainAll(points.keySet()));
    }

    /**
     * Qdrant's {@code Search} on one vector ({@code vectorName} empty for the unnamed one): the points matching the
     * filter that have that vector, by score (the cosine of the query and the point) descending, at most
     * {@code limit}.
     */
    synchronized List<Scored> search(String vectorName, List<Float> query, Filter filter, int limit) {
        VectorParams params = params(vectorName);
        if (params.getDistance() != Distance.Cosine) {
            throw QdrantErrors.unsupported("search on a vector whose distance is not cosine");
        }
        float[] q = new float[query.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = query.get(i);
        }
        if (q.length != params.getSize()) {
            throw QdrantErrors.wrongInput(
                    "Vector dimension error: expected dim: " + params.getSize() + ", got " + q.length);
        }
        float[] normalisedQuery = normalised(q);
        Map<PointKey, float[]> stored = vectors.getOrDefault(vectorName, Map.of());
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<PointKey, Map<String, Value>> entry : points.entrySet()) {
            float[] vector = stored.get(entry.getKey());
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

    /** The definition of one vector, as Qdrant answers for a name the collection does not have. */
    private VectorParams params(String vectorName) {
        VectorsConfig config = definition.getVectorsConfig();
        if (vectorName.isEmpty()) {
            if (!config.hasParams()) {
                throw QdrantErrors.wrongInput("Wrong input: Not existing vector name error: ");
            }
            return config.getParams();
        }
        VectorParams params =
                config.hasParamsMap() ? config.getParamsMap().getMapMap().get(vectorName) : null;
        if (params == null) {
            throw QdrantErrors.wrongInput("Wrong input: Not existing vector name error: " + vectorName);
        }
        return params;
    }

    /**
     * The point's vectors checked against the collection's definition, the cosine ones normalised. An unnamed
     * collection requires its vector; a named one takes any subset of its names, as Qdrant does.
     */
    private Map<String, float[]> cosineVectors(PointStruct point) {
        VectorsConfig config = definition.getVectorsConfig();
        Map<String, float[]> result = new HashMap<>();
        if (config.hasParams()) {
            if (!point.hasVectors() || !point.getVectors().hasVector()) {
                throw QdrantErrors.wrongInput("Wrong input: a vector is required for this collection");
            }
            add(result, "", config.getParams(), point.getVectors().getVector());
        } else if (point.hasVectors() && point.getVectors().hasVectors()) {
            for (Map.Entry<String, Vector> named :
                    point.getVectors().getVectors().getVectorsMap().entrySet()) {
                add(result, named.getKey(), params(named.getKey()), named.getValue());
            }
        }
        return result;
    }

    private static void add(Map<String, float[]> result, String name, VectorParams params, Vector vector) {
        List<Float> data = vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList();
        if (data.size() != params.getSize()) {
            throw QdrantErrors.wrongInput(
                    "Wrong input: Vector dimension error: expected dim: " + params.getSize() + ", got " + data.size());
        }
        if (params.getDistance() == Distance.Cosine) {
            float[] values = new float[data.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = data.get(i);
            }
            result.put(name, normalised(values));
        }
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

    /**
     * The points a filter can match, in id order, when an indexed must condition selects few of them (see
     * {@link CandidateIndex}); empty when every point has to be read.
     */
    synchronized Optional<NavigableSet<PointKey>> candidates(Filter filter) {
        return candidates.candidates(filter, points.size());
    }

    /** The points by {@code timestamp_unix} from {@code start} on (see {@link CandidateIndex#inTimeOrder}). */
    synchronized Optional<Iterable<CandidateIndex.Timed>> inTimeOrder(Double start, boolean descending) {
        return candidates.inTimeOrder(start, descending);
    }

    /** Runs a read against an unmodifiable view of the points while holding the lock. */
    synchronized <T> T read(Function<NavigableMap<PointKey, Map<String, Value>>, T> reader) {
        return reader.apply(Collections.unmodifiableNavigableMap(points));
    }
}
