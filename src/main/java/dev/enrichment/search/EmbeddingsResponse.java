package dev.enrichment.search;

import java.util.List;

/** The part of an embeddings answer the service reads: one vector per input, each with its input's index. */
record EmbeddingsResponse(List<Item> data) {

    /** One input's vector. */
    record Item(int index, float[] embedding) {}
}
