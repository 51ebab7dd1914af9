package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Collections.CreateCollection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The double's collections by name, listed in creation order. */
final class CollectionRegistry {

    private final Map<String, StoredCollection> collections = new LinkedHashMap<>();

    synchronized void create(CreateCollection definition) {
        String name = definition.getCollectionName();
        if (name.isBlank()) {
            throw QdrantErrors.wrongInput("collection name must not be empty");
        }
        if (collections.containsKey(name)) {
            throw QdrantErrors.collectionAlreadyExists(name);
        }
        collections.put(name, new StoredCollection(definition));
    }

    /** Returns whether a collection was removed; Qdrant answers {@code false}, not an error, for an unknown name. */
    synchronized boolean delete(String name) {
        return collections.remove(name) != null;
    }

    synchronized StoredCollection get(String name) {
        return find(name).orElseThrow(() -> QdrantErrors.collectionNotFound(name));
    }

    synchronized Optional<StoredCollection> find(String name) {
        return Optional.ofNullable(collections.get(name));
    }

    synchronized List<String> names() {
        return List.copyOf(collections.keySet());
    }

    synchronized void clear() {
        collections.clear();
    }
}
