package dev.enrichment.fact;

/** A {@link NewFact} that passed {@link FactCheck}: trimmed, types lower-case, reasoning safe to store. */
record CheckedFact(
        String entityName, String entityType, String relationshipType, double confidence, String reasoning) {}
