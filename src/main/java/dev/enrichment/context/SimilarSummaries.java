package dev.enrichment.context;

import java.util.List;

/**
 * Finds a user's past conversation summaries with a bot that are most similar to a message. The default is a
 * keyword match ({@link KeywordSimilarSummaries}); a bean implementing this interface replaces it (the search
 * feature's semantic match over the summary index). It is called before the context's read transaction, outside any
 * transaction, so that an implementation waiting on the network holds no connection; it reads the database in its
 * own short transaction.
 */
public interface SimilarSummaries {

    /** At most {@code limit} summaries, most similar first; none when nothing matches. */
    List<SimilarSummary> similarTo(String bot, String userId, String q, int limit);
}
