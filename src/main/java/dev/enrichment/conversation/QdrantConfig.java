package dev.enrichment.conversation;

import dev.enrichment.StrictBooleanConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the bots' conversations live and how they are read ({@code QDRANT_*} variables). */
@ConfigMapping(prefix = "qdrant")
public interface QdrantConfig {

    /** {@code QDRANT_HOST}. */
    String host();

    /** {@code QDRANT_GRPC_PORT}: the gRPC port, not the REST one. */
    @Min(value = 1, message = "QDRANT_GRPC_PORT must be a port number between 1 and 65535")
    @Max(value = 65535, message = "QDRANT_GRPC_PORT must be a port number between 1 and 65535")
    int grpcPort();

    /** {@code QDRANT_API_KEY}; sent as the {@code api-key} header when set. */
    Optional<String> apiKey();

    /** {@code QDRANT_USE_TLS}. */
    @WithConverter(StrictBooleanConverter.class)
    boolean useTls();

    /** {@code QDRANT_COLLECTION_PREFIXES}: a collection whose name starts with one of these belongs to a bot. */
    @NotEmpty(message = "QDRANT_COLLECTION_PREFIXES must name at least one prefix")
    List<String> collectionPrefixes();

    /**
     * {@code ENRICHMENT_SEARCH_COLLECTION}: the collection this service owns for its summary search index. Never a
     * bot's collection, whatever the prefixes say.
     */
    @NotBlank(message = "ENRICHMENT_SEARCH_COLLECTION must name a collection")
    String searchCollection();

    /** {@code QDRANT_PAGE_SIZE}: points per scroll request; reads always continue until the last page. */
    @Min(value = 1, message = "QDRANT_PAGE_SIZE must be between 1 and 10000")
    @Max(value = 10000, message = "QDRANT_PAGE_SIZE must be between 1 and 10000")
    int pageSize();

    /** {@code QDRANT_REQUEST_TIMEOUT}: deadline of one Qdrant request. */
    Duration requestTimeout();

    /**
     * {@code QDRANT_MESSAGE_VECTOR}: the named vector of the bots' points that embeds the message text
     * ({@code content} in WhisperEngine's collections), searched by {@code include_messages}.
     */
    @NotBlank(message = "QDRANT_MESSAGE_VECTOR must name a vector")
    String messageVector();

    /** {@code MESSAGE_MAX_CHARS}: longer message contents are truncated, with a marker, when read. */
    @Min(value = 100, message = "MESSAGE_MAX_CHARS must be at least 100")
    int maxContentChars();
}
