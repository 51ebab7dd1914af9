package dev.enrichment.fact;

/**
 * A fact the analysis found in what a user said about themselves, before it is checked and stored.
 *
 * @param entityName what the fact is about, e.g. "marine biology"
 * @param entityType one of the analysis vocabulary's entity types (name, location, hobby, ...)
 * @param relationshipType how the user relates to it (likes, lives_in, works_as, ...)
 * @param confidence 0..1
 * @param reasoning the model's short justification; stored in the fact's metadata
 */
public record NewFact(
        String entityName, String entityType, String relationshipType, double confidence, String reasoning) {}
