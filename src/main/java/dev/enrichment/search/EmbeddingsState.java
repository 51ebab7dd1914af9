package dev.enrichment.search;

import java.util.Optional;

/**
 * Whether summaries can be embedded and searched now, and if not, why.
 *
 * @param provider {@code EMBEDDINGS_PROVIDER} as configured
 * @param model where vectors come from, e.g. {@code local/all-minilm-l6-v2-q}; empty when off
 * @param reason why search is not available; empty when it is
 */
public record EmbeddingsState(Status status, String provider, Optional<String> model, Optional<String> reason) {

    /** The feature's state. */
    public enum Status {
        /** Embeddings work: summaries are indexed and search answers. */
        READY,
        /** {@code EMBEDDINGS_PROVIDER=off}: nothing is indexed and search answers 503. */
        OFF,
        /** Configured, but the model could not be loaded or set up: nothing is indexed, search answers 503. */
        UNAVAILABLE
    }

    public boolean ready() {
        return status == Status.READY;
    }
}
