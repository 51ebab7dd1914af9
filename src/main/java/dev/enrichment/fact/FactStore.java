package dev.enrichment.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the fact tables, written as WhisperEngine's worker did: upserts keyed on the tables' unique keys and
 * JSONB merged with {@code ||}, never replaced.
 *
 * <p>Ids and timestamps travel as text and are cast in SQL, so neither the JVM's time zone nor the driver's type
 * guesses can change them. Rows of WhisperEngine's processing markers never match these statements.
 */
@ApplicationScoped
class FactStore {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    FactStore(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    Optional<UUID> findEntityId(String entityType, String entityName) {
        List<?> ids = entityManager
                .createNativeQuery("""
                        SELECT CAST(id AS text) FROM fact_entities WHERE entity_type = :type AND entity_name = :name""")
                .setParameter("type", entityType)
                .setParameter("name", entityName)
                .getResultList();
        return ids.stream().findFirst().map(id -> UUID.fromString((String) id));
    }

    /** The user's facts on the entity, locked until the transaction ends so concurrent windows consolidate in turn. */
    List<StoredFact> lockFacts(String userId, UUID entityId) {
        Query query = SqlRow.query(entityManager, """
                        SELECT id, relationship_type, confidence, CAST(context_metadata AS text) AS context_metadata
                          FROM user_fact_relationships
                         WHERE user_id = :user AND entity_id = CAST(:entity AS uuid)
                           AND relationship_type NOT LIKE '_enrichment%'
                         ORDER BY id
                           FOR UPDATE""")
                .setParameter("user", userId)
                .setParameter("entity", entityId.toString());
        return SqlRow.all(query).stream()
                .map(row -> storedFact(
                        row.uuid("id"),
                        row.text("relationship_type"),
                        Objects.requireNonNullElse(row.decimal("confidence"), 0.0),
                        row.text("context_metadata")))
                .toList();
    }

    /**
     * Creates the entity or merges into it: existing attributes win except the extraction keys, and a missing
     * {@code tags} key is added because the generated {@code search_vector} reads it.
     */
    UUID upsertEntity(CheckedFact fact, Map<String, Object> extractionAttributes, String naiveNow) {
        Object id = entityManager
                .createNativeQuery("""
                        INSERT INTO fact_entities AS fe (entity_type, entity_name, category, attributes, created_at, updated_at)
                        VALUES (:type, :name, :type, CAST(:attributes AS jsonb) || jsonb_build_object('tags', CAST('[]' AS jsonb)),
                                CAST(:now AS timestamp), CAST(:now AS timestamp))
                        ON CONFLICT (entity_type, entity_name) DO UPDATE
                           SET category = COALESCE(fe.category, EXCLUDED.category),
                               attributes = jsonb_build_object('tags', CAST('[]' AS jsonb))
                                            || (CASE WHEN jsonb_typeof(fe.attributes) = 'object'
                                                     THEN fe.attributes ELSE CAST('{}' AS jsonb) END)
                                            || CAST(:attributes AS jsonb),
                               updated_at = EXCLUDED.updated_at
                        RETURNING CAST(fe.id AS text)""")
                .setParameter("type", fact.entityType())
                .setParameter("name", fact.entityName())
                .setParameter("attributes", write(extractionAttributes))
                .setParameter("now", naiveNow)
                .getSingleResult();
        return UUID.fromString((String) id);
    }

    /**
     * Inserts the user's fact or, when the row exists, keeps the higher confidence and merges the metadata patch
     * into what is there, so keys written by the bots or by earlier windows survive.
     */
    UUID upsertFact(
            String userId,
            UUID entityId,
            CheckedFact fact,
            String botName,
            Map<String, Object> metadataPatch,
            String naiveNow) {
        Object id = entityManager
                .createNativeQuery("""
                        INSERT INTO user_fact_relationships AS ufr (user_id, entity_id, relationship_type, confidence,
                                    emotional_context, context_metadata, mentioned_by_character, created_at, updated_at)
                        VALUES (:user, CAST(:entity AS uuid), :type, :confidence, 'neutral', CAST(:metadata AS jsonb), :bot,
                                CAST(:now AS timestamp), CAST(:now AS timestamp))
                        ON CONFLICT (user_id, entity_id, relationship_type) DO UPDATE
                           SET confidence = GREATEST(ufr.confidence, EXCLUDED.confidence),
                               context_metadata = (CASE WHEN jsonb_typeof(ufr.context_metadata) = 'object'
                                                        THEN ufr.context_metadata ELSE CAST('{}' AS jsonb) END)
                                                  || EXCLUDED.context_metadata,
                               mentioned_by_character = EXCLUDED.mentioned_by_character,
                               updated_at = EXCLUDED.updated_at
                        RETURNING CAST(ufr.id AS text)""")
                .setParameter("user", userId)
                .setParameter("entity", entityId.toString())
                .setParameter("type", fact.relationshipType())
                .setParameter("confidence", fact.confidence())
                .setParameter("metadata", write(metadataPatch))
                .setParameter("bot", botName)
                .setParameter("now", naiveNow)
                .getSingleResult();
        return UUID.fromString((String) id);
    }

    void deleteFact(UUID id) {
        entityManager
                .createNativeQuery("DELETE FROM user_fact_relationships WHERE id = CAST(:id AS uuid)")
                .setParameter("id", id.toString())
                .executeUpdate();
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise fact JSON", e);
        }
    }

    /**
     * Python callers have stored metadata as a JSON string holding the object ({@code json.dumps} into jsonb); it is
     * decoded here. Anything else that is not an object is kept under {@code previous_context_metadata}.
     */
    private StoredFact storedFact(UUID id, String relationshipType, double confidence, String metadataText) {
        JsonNode node = metadataText == null ? null : readTree(metadataText);
        if (node == null || node.isNull()) {
            return new StoredFact(id, relationshipType, confidence, Map.of(), true);
        }
        if (node.isObject()) {
            return new StoredFact(id, relationshipType, confidence, json.convertValue(node, OBJECT), true);
        }
        JsonNode decoded = node.isTextual() ? readTree(node.textValue()) : null;
        Map<String, Object> carried = decoded != null && decoded.isObject()
                ? json.convertValue(decoded, OBJECT)
                : Map.of("previous_context_metadata", json.convertValue(node, Object.class));
        return new StoredFact(id, relationshipType, confidence, carried, false);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
