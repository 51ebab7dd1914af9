package dev.enrichment.fact;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact extracted from a conversation window, in its current state.
 *
 * @param change what that extraction did to it: {@code created}, {@code confirmed} or {@code strengthened}
 * @param windowStart the window it was (first) extracted from in the range asked for
 */
public record LearnedFact(
        UUID id,
        String entity,
        String entityType,
        String relationship,
        Double confidence,
        String change,
        Instant windowStart,
        Instant windowEnd) {}
