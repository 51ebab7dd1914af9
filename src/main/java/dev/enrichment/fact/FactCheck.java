package dev.enrichment.fact;

import java.util.Locale;

/**
 * Decides, before any SQL, whether a fact can be stored. Every constraint the tables would enforce is checked here,
 * because a failed statement aborts the PostgreSQL transaction and would take the whole window down with it.
 * Reasons never quote the fact's text.
 */
final class FactCheck {

    static final String MARKER_ENTITY_TYPE = "_processing_marker";
    static final int MAX_RELATIONSHIP_TYPE = 50;
    static final int MAX_ENTITY_TYPE = 50;
    // fact_entities' unique btree index holds (type, name); PostgreSQL refuses index rows above ~2.7 kB
    static final int MAX_ENTITY_NAME = 200;
    static final int MAX_REASONING = 1_000;

    /** The fact as it will be stored, or why it is rejected. */
    sealed interface Result permits Accepted, Rejected {}

    record Accepted(CheckedFact fact) implements Result {}

    record Rejected(String reason) implements Result {}

    private FactCheck() {}

    static Result check(NewFact fact) {
        if (fact == null) {
            return new Rejected("fact is null");
        }
        String name = trim(fact.entityName());
        String entityType = lower(fact.entityType());
        String relationshipType = lower(fact.relationshipType());
        String problem = problem(name, entityType, relationshipType, fact.confidence());
        if (problem != null) {
            return new Rejected(problem);
        }
        return new Accepted(new CheckedFact(
                name, entityType, relationshipType, fact.confidence(), storableReasoning(fact.reasoning())));
    }

    private static String problem(String name, String entityType, String relationshipType, double confidence) {
        if (name.isEmpty()) {
            return "entity_name is blank";
        }
        if (name.length() > MAX_ENTITY_NAME) {
            return "entity_name has " + name.length() + " characters, at most " + MAX_ENTITY_NAME;
        }
        if (entityType.isEmpty()) {
            return "entity_type is blank";
        }
        if (entityType.length() > MAX_ENTITY_TYPE) {
            return "entity_type has " + entityType.length() + " characters, at most " + MAX_ENTITY_TYPE;
        }
        if (entityType.equals(MARKER_ENTITY_TYPE)) {
            return "entity_type " + MARKER_ENTITY_TYPE + " is reserved for processing markers";
        }
        if (relationshipType.isEmpty()) {
            return "relationship_type is blank";
        }
        if (relationshipType.length() > MAX_RELATIONSHIP_TYPE) {
            return "relationship_type has " + relationshipType.length() + " characters, at most "
                    + MAX_RELATIONSHIP_TYPE;
        }
        if (isMarkerRelationship(relationshipType)) {
            return "relationship_type matches the processing markers' pattern _enrichment%";
        }
        if (hasNul(name) || hasNul(entityType) || hasNul(relationshipType)) {
            return "a NUL character, which PostgreSQL text cannot hold";
        }
        if (!Double.isFinite(confidence) || confidence < 0 || confidence > 1) {
            return "confidence " + confidence + " is outside 0..1";
        }
        return null;
    }

    /**
     * The bots hide {@code relationship_type LIKE '_enrichment%'}, where {@code _} matches any one character, so
     * anything of that shape would be invisible to them as well as mistaken for a marker.
     */
    static boolean isMarkerRelationship(String relationshipType) {
        return relationshipType.length() >= 11 && relationshipType.startsWith("enrichment", 1);
    }

    private static String storableReasoning(String reasoning) {
        if (reasoning == null) {
            return null;
        }
        String clean = reasoning.replace("\u0000", "").strip();
        return clean.length() > MAX_REASONING ? clean.substring(0, MAX_REASONING) : clean;
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    private static String lower(String text) {
        return trim(text).toLowerCase(Locale.ROOT);
    }
}
