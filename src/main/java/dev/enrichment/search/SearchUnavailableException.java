package dev.enrichment.search;

import dev.enrichment.problem.ProblemException;

/** Search cannot answer now: embeddings are off or unavailable, or the index cannot be reached. Says why. */
class SearchUnavailableException extends ProblemException {

    SearchUnavailableException(String detail, Throwable cause) {
        super(Kind.SEARCH_UNAVAILABLE, detail, detail, cause);
    }
}
