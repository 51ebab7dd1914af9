package dev.enrichment.fact;

import java.util.Map;
import java.util.UUID;

/**
 * A user's live {@code user_fact_relationships} row on one entity, as read (and locked) before consolidating.
 *
 * @param confidence a NULL confidence reads as 0, so it never outranks anything
 * @param contextMetadata the row's metadata as an object; a double-encoded JSON string is decoded
 * @param metadataIsObject false when the column held something other than a JSON object (or NULL), which the
 *     SQL merge cannot extend: the writer then carries {@link #contextMetadata} over itself
 */
record StoredFact(
        UUID id,
        String relationshipType,
        double confidence,
        Map<String, Object> contextMetadata,
        boolean metadataIsObject) {}
