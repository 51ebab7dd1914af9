package dev.enrichment.search;

/** Embedding failed: the model is not loaded, or the embeddings API failed after its retries. */
class EmbeddingException extends RuntimeException {

    private final boolean retryable;

    EmbeddingException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Worth another attempt: 429, 5xx, timeouts and transport errors. */
    boolean retryable() {
        return retryable;
    }
}
