package dev.enrichment.testsupport.qdrant;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.GetResponse;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code qdrant.Points} service: {@code Upsert} (cosine vectors kept, unnamed or named), {@code Delete} (ids or
 * filter), {@code CreateFieldIndex}, {@code Scroll} (see {@link Scroller}), {@code Search} (exact cosine over the
 * unnamed vector or the one named by {@code vector_name}, with filter, limit, offset, score threshold and
 * {@code with_payload}; Qdrant's default leaves the payload out), {@code Count} (always exact) and {@code Get}.
 * Writes apply before the answer, so {@code wait} makes no difference. Other methods answer UNIMPLEMENTED.
 */
final class PointsService extends PointsGrpc.PointsImplBase {

    private static final PointsOperationResponse COMPLETED = PointsOperationResponse.newBuilder()
            .setResult(UpdateResult.newBuilder().setStatus(UpdateStatus.Completed))
            .build();

    private final CollectionRegistry registry;

    /** Points answered by Scroll, Get and Search, for benchmarks that report the data a pattern transfers. */
    private final AtomicLong pointsReturned = new AtomicLong();

    PointsService(CollectionRegistry registry) {
        this.registry = registry;
    }

    long pointsReturned() {
        return pointsReturned.get();
    }

    void resetPointsReturned() {
        pointsReturned.set(0);
    }

    @Override
    public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
        Rpc.respond(observer, () -> {
            registry.get(request.getCollectionName()).upsert(request.getPointsList());
            return COMPLETED;
        });
    }

    @Override
    public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> observer) {
        Rpc.respond(observer, () -> {
            StoredCollection collection = registry.get(request.getCollectionName());
            switch (request.getPoints().getPointsSelectorOneOfCase()) {
                case POINTS -> collection.delete(request.getPoints().getPoints().getIdsList());
                case FILTER -> collection.delete(request.getPoints().getFilter());
                case POINTSSELECTORONEOF_NOT_SET -> throw QdrantErrors.wrongInput("points selector is missing");
            }
            return COMPLETED;
        });
    }

    @Override
    public void createFieldIndex(CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> observer) {
        Rpc.respond(observer, () -> {
            registry.get(request.getCollectionName()).createIndex(request.getFieldName(), PayloadIndex.from(request));
            return COMPLETED;
        });
    }

    @Override
    public void scroll(ScrollPoints request, StreamObserver<ScrollResponse> observer) {
        Rpc.respond(observer, () -> {
            ScrollResponse response = Scroller.scroll(registry.get(request.getCollectionName()), request);
            pointsReturned.addAndGet(response.getResultCount());
            return response;
        });
    }

    @Override
    public void search(SearchPoints request, StreamObserver<SearchResponse> observer) {
        Rpc.respond(observer, () -> {
            if (request.getLimit() == 0) {
                throw QdrantErrors.wrongInput("limit must be at least 1");
            }
            SearchResponse.Builder response = SearchResponse.newBuilder();
            for (StoredCollection.Scored hit : registry
                    .get(request.getCollectionName())
                    .search(request.getVectorName(), request.getVectorList(), request.getFilter(), (int)
                            (request.getLimit() + request.getOffset()))
                    .stream()
                    .skip(request.getOffset())
                    .toList()) {
                if (request.hasScoreThreshold() && hit.score() < request.getScoreThreshold()) {
                    continue;
                }
                response.addResult(ScoredPoint.newBuilder()
                        .setId(hit.id().toPointId())
                        .setScore(hit.score())
                        .putAllPayload(PayloadSelection.apply(request.getWithPayload(), false, hit.payload())));
            }
            pointsReturned.addAndGet(response.getResultCount());
            return response.build();
        });
    }

    @Override
    public void count(CountPoints request, StreamObserver<CountResponse> observer) {
        Rpc.respond(
                observer,
                () -> CountResponse.newBuilder()
                        .setResult(CountResult.newBuilder()
                                .setCount(registry.get(request.getCollectionName())
                                        .count(request.getFilter())))
                        .build());
    }

    @Override
    public void get(GetPoints request, StreamObserver<GetResponse> observer) {
        Rpc.respond(observer, () -> {
            StoredCollection collection = registry.get(request.getCollectionName());
            Set<PointKey> ids = new LinkedHashSet<>();
            for (PointId id : request.getIdsList()) {
                ids.add(PointKey.of(id));
            }
            GetResponse.Builder response = GetResponse.newBuilder();
            for (PointKey id : ids) {
                collection
                        .payload(id)
                        .ifPresent(payload -> response.addResult(RetrievedPoint.newBuilder()
                                .setId(id.toPointId())
                                .putAllPayload(PayloadSelection.apply(request.getWithPayload(), false, payload))));
            }
            pointsReturned.addAndGet(response.getResultCount());
            return response.build();
        });
    }
}
