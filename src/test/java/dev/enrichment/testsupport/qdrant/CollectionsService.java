package dev.enrichment.testsupport.qdrant;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.ListCollectionsRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.Collections.OptimizerStatus;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.CollectionsGrpc;
import java.util.Map;

/**
 * The {@code qdrant.Collections} service: {@code List} (creation order), {@code Get} (status green, exact points
 * count, the payload schema of created indexes with how many points hold each field), {@code CollectionExists},
 * {@code Create} and {@code Delete}. Other methods answer UNIMPLEMENTED.
 */
final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {

    private final CollectionRegistry registry;

    CollectionsService(CollectionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void list(ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> observer) {
        Rpc.respond(observer, () -> {
            ListCollectionsResponse.Builder response = ListCollectionsResponse.newBuilder();
            registry.names()
                    .forEach(name -> response.addCollections(
                            CollectionDescription.newBuilder().setName(name)));
            return response.build();
        });
    }

    @Override
    public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> observer) {
        Rpc.respond(
                observer,
                () -> GetCollectionInfoResponse.newBuilder()
                        .setResult(info(registry.get(request.getCollectionName())))
                        .build());
    }

    @Override
    public void collectionExists(CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> observer) {
        Rpc.respond(
                observer,
                () -> CollectionExistsResponse.newBuilder()
                        .setResult(CollectionExists.newBuilder()
                                .setExists(registry.find(request.getCollectionName())
                                        .isPresent()))
                        .build());
    }

    @Override
    public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Rpc.respond(observer, () -> {
            registry.create(request);
            return CollectionOperationResponse.newBuilder().setResult(true).build();
        });
    }

    @Override
    public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Rpc.respond(
                observer,
                () -> CollectionOperationResponse.newBuilder()
                        .setResult(registry.delete(request.getCollectionName()))
                        .build());
    }

    private static CollectionInfo info(StoredCollection collection) {
        CreateCollection definition = collection.definition();
        CollectionParams.Builder params = CollectionParams.newBuilder()
                .setShardNumber(definition.hasShardNumber() ? definition.getShardNumber() : 1)
                .setOnDiskPayload(definition.getOnDiskPayload());
        if (definition.hasVectorsConfig()) {
            params.setVectorsConfig(definition.getVectorsConfig());
        }
        CollectionInfo.Builder info = CollectionInfo.newBuilder()
                .setStatus(CollectionStatus.Green)
                .setOptimizerStatus(OptimizerStatus.newBuilder().setOk(true))
                .setSegmentsCount(1)
                .setPointsCount(collection.size())
                .setIndexedVectorsCount(0)
                .setConfig(CollectionConfig.newBuilder()
                        .setParams(params)
                        .setHnswConfig(definition.getHnswConfig())
                        .setOptimizerConfig(definition.getOptimizersConfig())
                        .setWalConfig(definition.getWalConfig()));
        for (Map.Entry<String, PayloadIndex> index : collection.indexes().entrySet()) {
            PayloadSchemaInfo.Builder schema = PayloadSchemaInfo.newBuilder()
                    .setDataType(index.getValue().type())
                    .setPoints(collection.read(points -> points.values().stream()
                            .filter(payload -> !PayloadPath.resolve(payload, index.getKey())
                                    .isEmpty())
                            .count()));
            index.getValue().params().ifPresent(schema::setParams);
            info.putPayloadSchema(index.getKey(), schema.build());
        }
        return info.build();
    }
}
