package dev.enrichment.search;

/** A request to the search index's Qdrant collection failed. */
class SearchIndexException extends RuntimeException {

    private final boolean notFound;

    SearchIndexException(String message, boolean notFound, Throwable cause) {
        super(message, cause);
        this.notFound = notFound;
    }

    /** Qdrant answered NOT_FOUND: the collection does not exist. */
    boolean notFound() {
        return notFound;
    }
}
