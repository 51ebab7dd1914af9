package dev.enrichment.context;

import java.util.List;

/**
 * Finds a user's past conversation summaries with a bot that are most similar to a message. The default is a
 * keyword match ({@link KeywordSimilarSummaries}); a bean implementing this interface replaces it (for instance a
 * semantic search over summary embeddings). It is called inside the context request's read transaction, on its
 * connection, so it must not wait on the network.
 */
public interface SimilarSummaries {

    /** At most {@code limit} summaries, most similar first; none when nothing matches. */
    List<SimilarSummary> similarTo(String bot, String userId, String q, int limit);
}
