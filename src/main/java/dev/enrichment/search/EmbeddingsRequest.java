package dev.enrichment.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of an embeddings request. {@code dimensions} is left out when not configured: some providers refuse the
 * field for models that cannot shorten their vectors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EmbeddingsRequest(String model, List<String> input, Integer dimensions) {}
