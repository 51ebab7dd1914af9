package dev.enrichment.search;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

import com.google.common.util.concurrent.ListenableFuture;
import dev.enrichment.conversation.QdrantConfig;
import dev.enrichment.summary.Granularity;
import dev.enrichment.summary.IndexedSummary;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The summary search index: a Qdrant collection owned by this service ({@code ENRICHMENT_SEARCH_COLLECTION}), one
 * point per summary with a cosine vector and the payload {@code bot}, {@code user_id}, {@code granularity},
 * {@code summary_id}, {@code window_start}/{@code window_end} (Unix seconds) and {@code topics}. Created on first
 * use with keyword indexes on bot, user and granularity and integer indexes on the window bounds.
 */
@ApplicationScoped
public class SearchIndex {

    static final String BOT = "bot";
    static final String USER = "user_id";
    static final String GRANULARITY = "granularity";
    static final String SUMMARY_ID = "summary_id";
    static final String WINDOW_START = "window_start";
    static final String WINDOW_END = "window_end";
    static final String TOPICS = "topics";
    static final String MODEL = "model";

    private final QdrantClient client;
    private final QdrantConfig config;
    private final AtomicLong requests = new AtomicLong();
    /** The collection is known to exist; cleared when Qdrant says it does not, so it is created again. */
    private volatile boolean collectionReady;

    SearchIndex(QdrantClient client, QdrantConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * A summary's point id. Day summaries and rollups number their rows independently, so the id is a name-based
     * UUID of granularity and row id: stable across re-indexing, distinct across the two tables.
     */
    public static UUID pointId(Granularity granularity, int summaryId) {
        return UUID.nameUUIDFromBytes(
                ("enrichment-summary:" + granularity.wireName() + ":" + summaryId).getBytes(StandardCharsets.UTF_8));
    }

    public String collectionName() {
        return config.searchCollection();
    }

    /** Requests this index has sent to Qdrant since start. */
    public long requestCount() {
        return requests.get();
    }

    /** Upserts the summaries' points, creating the collection for vectors of this size first if needed. */
    void upsert(List<IndexedSummary> summaries, List<float[]> vectors, String model) {
        List<PointStruct> points = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            points.add(point(summaries.get(i), vectors.get(i), model));
        }
        if (points.isEmpty()) {
            return;
        }
        ensureCollection(vectors.get(0).length);
        try {
            await(client.upsertAsync(collectionName(), points, config.requestTimeout()), "upsert");
        } catch (SearchIndexException e) {
            if (!e.notFound()) {
                throw e;
            }
            // the collection was deleted behind our back: create it again and retry once
            collectionReady = false;
            ensureCollection(vectors.get(0).length);
            await(client.upsertAsync(collectionName(), points, config.requestTimeout()), "upsert");
        }
    }

    /** Removes the points of summaries that no longer exist; nothing to do when the collection does not exist. */
    void delete(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<PointId> pointIds = ids.stream().map(uuid -> id(uuid)).toList();
        try {
            await(client.deleteAsync(collectionName(), pointIds, config.requestTimeout()), "delete");
        } catch (SearchIndexException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /**
     * The user's summaries nearest to the vector, best first, whose period overlaps [from, to) when given. Empty
     * when nothing has been indexed yet.
     */
    List<ScoredPoint> nearest(float[] vector, String bot, String user, Instant from, Instant to, int limit) {
        Filter.Builder filter =
                Filter.newBuilder().addMust(matchKeyword(BOT, bot)).addMust(matchKeyword(USER, user));
        if (from != null) {
            filter.addMust(range(
                    WINDOW_END, Range.newBuilder().setGt(from.getEpochSecond()).build()));
        }
        if (to != null) {
            filter.addMust(range(
                    WINDOW_START, Range.newBuilder().setLt(to.getEpochSecond()).build()));
        }
        List<Float> query = new ArrayList<>(vector.length);
        for (float f : vector) {
            query.add(f);
        }
        SearchPoints request = SearchPoints.newBuilder()
                .setCollectionName(collectionName())
                .addAllVector(query)
                .setFilter(filter)
                .setLimit(limit)
                .setWithPayload(enable(true))
                .build();
        try {
            return await(client.searchAsync(request, config.requestTimeout()), "search");
        } catch (SearchIndexException e) {
            if (e.notFound()) {
                collectionReady = false;
                return List.of();
            }
            throw e;
        }
    }

    private void ensureCollection(int dimensions) {
        if (collectionReady) {
            return;
        }
        synchronized (this) {
            if (collectionReady) {
                return;
            }
            boolean exists =
                    await(client.collectionExistsAsync(collectionName(), config.requestTimeout()), "collection exists");
            if (!exists) {
                await(
                        client.createCollectionAsync(
                                collectionName(),
                                VectorParams.newBuilder()
                                        .setSize(dimensions)
                                        .setDistance(Distance.Cosine)
                                        .build(),
                                config.requestTimeout()),
                        "create collection");
                Map<String, PayloadSchemaType> indexes = Map.of(
                        BOT, PayloadSchemaType.Keyword,
                        USER, PayloadSchemaType.Keyword,
                        GRANULARITY, PayloadSchemaType.Keyword,
                        WINDOW_START, PayloadSchemaType.Integer,
                        WINDOW_END, PayloadSchemaType.Integer);
                for (Map.Entry<String, PayloadSchemaType> index : indexes.entrySet()) {
                    await(
                            client.createPayloadIndexAsync(
                                    collectionName(),
                                    index.getKey(),
                                    index.getValue(),
                                    null,
                                    true,
                                    null,
                                    config.requestTimeout()),
                            "create payload index");
                }
            }
            collectionReady = true;
        }
    }

    private static PointStruct point(IndexedSummary summary, float[] vector, String model) {
        Map<String, Value> payload = new HashMap<>();
        payload.put(BOT, value(summary.botName()));
        payload.put(USER, value(summary.userId()));
        payload.put(GRANULARITY, value(summary.granularity().wireName()));
        payload.put(SUMMARY_ID, value(summary.id()));
        payload.put(WINDOW_START, value(summary.windowStart().getEpochSecond()));
        payload.put(WINDOW_END, value(summary.windowEnd().getEpochSecond()));
        payload.put(
                TOPICS,
                list(summary.topics().stream().map(topic -> value(topic)).toList()));
        payload.put(MODEL, value(model));
        return PointStruct.newBuilder()
                .setId(id(pointId(summary.granularity(), summary.id())))
                .setVectors(vectors(vector))
                .putAllPayload(payload)
                .build();
    }

    private <T> T await(ListenableFuture<T> future, String what) {
        requests.incrementAndGet();
        try {
            return future.get(config.requestTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean notFound = cause instanceof StatusRuntimeException status
                    && status.getStatus().getCode() == Status.Code.NOT_FOUND;
            throw new SearchIndexException(
                    "search index request failed (" + what + "): " + cause.getMessage(), notFound, cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SearchIndexException("search index request timed out (" + what + ")", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new SearchIndexException("interrupted (" + what + ")", false, e);
        }
    }

    /** Reads an integer payload field; empty when absent. */
    static Optional<Long> integer(Map<String, Value> payload, String field) {
        Value value = payload.get(field);
        return value != null && value.hasIntegerValue() ? Optional.of(value.getIntegerValue()) : Optional.empty();
    }
}
