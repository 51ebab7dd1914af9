package dev.enrichment.search;

import java.util.List;

/** Turns texts into vectors, one per text in the same order. Blocking. */
interface Embedder {

    /** @throws EmbeddingException when the texts cannot be embedded now */
    List<float[]> embed(List<String> texts);

    /** What the index records as the embedding's origin, e.g. {@code local/all-minilm-l6-v2-q}. */
    String modelName();
}
