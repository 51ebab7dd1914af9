package dev.enrichment.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.PythonIsoTime;
import dev.enrichment.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a user's facts for the API. WhisperEngine's processing markers, which share the fact tables, are never
 * returned (reference 3.5).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FactReader {

    // '\_' is a literal underscore in LIKE: WhisperEngine's own '_enrichment%' also matches e.g. 'xenrichment'
    private static final String NOT_A_MARKER =
            " fe.entity_type <> '_processing_marker' AND ufr.relationship_type NOT LIKE '\\_enrichment%'";

    private static final String SELECT_FACTS = """
            SELECT ufr.id, fe.entity_name, fe.entity_type, fe.category, ufr.relationship_type, ufr.confidence,
                   COALESCE(ufr.mentioned_by_character, ufr.context_metadata ->> 'bot_name') AS bot,
                   ufr.context_metadata ->> 'latest_message_timestamp' AS latest_message_timestamp,
                   CAST(ufr.context_metadata -> 'source_messages' AS text) AS source_messages,
                   ufr.created_at AT TIME ZONE 'UTC' AS created_at, ufr.updated_at AT TIME ZONE 'UTC' AS updated_at
              FROM user_fact_relationships ufr
              JOIN fact_entities fe ON fe.id = ufr.entity_id
             WHERE ufr.user_id = :user AND """;

    private final EntityManager em;
    private final ObjectMapper json;

    FactReader(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The user's facts matching the query, most confident first; an unknown user simply has none. */
    FactList list(FactQuery query) {
        StringBuilder sql = new StringBuilder(SELECT_FACTS).append(NOT_A_MARKER);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user", query.userId());
        if (query.bot() != null) {
            sql.append(" AND (ufr.mentioned_by_character = :bot OR ufr.context_metadata ->> 'bot_name' = :bot)");
            params.put("bot", query.bot());
        }
        if (query.minConfidence() != null) {
            sql.append(" AND ufr.confidence >= :minConfidence");
            params.put("minConfidence", query.minConfidence().doubleValue());
        }
        if (query.entityType() != null) {
            sql.append(" AND fe.entity_type = :entityType");
            params.put("entityType", query.entityType());
        }
        sql.append(" ORDER BY ufr.confidence DESC NULLS LAST, ufr.updated_at DESC NULLS LAST, ufr.id LIMIT :limit");
        params.put("limit", query.limit());
        Query q = SqlRow.query(em, sql.toString());
        params.forEach(q::setParameter);
        List<FactView> facts = SqlRow.all(q).stream().map(this::view).toList();
        return new FactList(query.userId(), facts);
    }

    /**
     * The user's facts as WhisperEngine's bots scope them for one bot: those it wrote or confirmed last
     * ({@code mentioned_by_character}) and those no bot claims (extracted inline by the bots), most confident first,
     * at most {@code limit}. Facts another bot wrote last are left out, as the bots' own query does.
     */
    public List<FactView> scopedTo(String userId, String bot, int limit) {
        Query q = SqlRow.query(em, SELECT_FACTS + NOT_A_MARKER + """
                         AND (ufr.mentioned_by_character = :bot OR ufr.mentioned_by_character IS NULL)
                       ORDER BY ufr.confidence DESC NULLS LAST, ufr.updated_at DESC NULLS LAST, ufr.id LIMIT :limit""")
                .setParameter("user", userId)
                .setParameter("bot", bot)
                .setParameter("limit", limit);
        return SqlRow.all(q).stream().map(this::view).toList();
    }

    private FactView view(SqlRow r) {
        return new FactView(
                r.uuid("id"),
                r.text("entity_name"),
                r.text("entity_type"),
                r.text("category"),
                r.text("relationship_type"),
                r.decimal("confidence"),
                r.text("bot"),
                PythonIsoTime.parse(r.text("latest_message_timestamp")).orElse(null),
                messageIds(r.text("source_messages")),
                r.instant("created_at"),
                r.instant("updated_at"));
    }

    /**
     * Facts extracted with this bot from the user's windows overlapping [from, to), as they are now, most
     * confident first. Read from the service's fact history, which records the window of every extraction; facts
     * deleted or superseded since are left out.
     */
    public List<LearnedFact> learnedIn(String userId, String bot, Instant from, Instant to) {
        Query q = SqlRow.query(
                        em, """
                        SELECT ufr.id, fe.entity_name, fe.entity_type, ufr.relationship_type,
                               ufr.confidence, h.change, h.window_start, h.window_end
                          FROM (SELECT DISTINCT ON (relationship_id) relationship_id, change, window_start, window_end
                                  FROM enrichment_fact_history
                                 WHERE user_id = :user AND bot_name = :bot
                                   AND window_start < :to AND window_end > :from
                                   AND change IN ('created', 'confirmed', 'strengthened')
                                   AND relationship_id IS NOT NULL
                                 ORDER BY relationship_id, window_start, id) h
                          JOIN user_fact_relationships ufr ON ufr.id = h.relationship_id
                          JOIN fact_entities fe ON fe.id = ufr.entity_id
                         WHERE ufr.user_id = :user AND """ + NOT_A_MARKER + " ORDER BY ufr.confidence DESC NULLS LAST, h.window_start, ufr.id")
                .setParameter("user", userId)
                .setParameter("bot", bot)
                .setParameter("from", from)
                .setParameter("to", to);
        return SqlRow.all(q).stream()
                .map(r -> new LearnedFact(
                        r.uuid("id"),
                        r.text("entity_name"),
                        r.text("entity_type"),
                        r.text("relationship_type"),
                        r.decimal("confidence"),
                        r.text("change"),
                        r.instant("window_start"),
                        r.instant("window_end")))
                .toList();
    }

    private List<String> messageIds(String jsonArray) {
        if (jsonArray == null) {
            return List.of();
        }
        try {
            JsonNode node = json.readTree(jsonArray);
            List<String> ids = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(id -> ids.add(id.isTextual() ? id.textValue() : id.toString()));
            }
            return ids;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
