package dev.enrichment.pipeline;

import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/** Clean state and small SQL helpers for the pipeline tests. */
final class PipelineFixture {

    private final EntityManager em;

    PipelineFixture(EntityManager em) {
        this.em = em;
    }

    static QdrantTestTarget qdrant() {
        return QdrantTestResource.target();
    }

    static QdrantTestDouble qdrantDouble() {
        return qdrant().testDouble().orElseThrow();
    }

    void reset() {
        qdrant().deleteAllCollections();
        qdrant().testDouble().ifPresent(QdrantTestDouble::reset);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                TRUNCATE enrichment_windows, enrichment_discovery_cursors, enrichment_summary_revisions,
                    enrichment_fact_history, conversation_summaries, user_fact_relationships, entity_relationships,
                    fact_entities, universal_users, enrichment_quarantine CASCADE
                """).executeUpdate());
    }

    long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @SuppressWarnings("unchecked")
    List<List<Object>> rows(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            for (Object row : query.getResultList()) {
                out.add(
                        row instanceof Object[] cells
                                ? java.util.Arrays.asList(cells)
                                : java.util.Collections.singletonList(row));
            }
            return out;
        });
    }

    static java.time.LocalDateTime localDateTime(Object value) {
        if (value instanceof java.time.LocalDateTime l) {
            return l;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        throw new IllegalStateException("unexpected " + value.getClass());
    }

    /** A valid analysis answer in the schema the pipeline asks for. */
    static String answer(String summary, String facts, String preferences) {
        return """
                {"summary": "%s", "key_topics": ["marine biology", "weekend plans"], "emotional_tone": "positive",
                 "confidence": 0.95, "facts": %s, "preferences": %s}
                """.formatted(summary, facts, preferences);
    }

    static String plainAnswer() {
        return answer(
                "The user talked with the bot about marine biology and weekend plans. They sounded upbeat.",
                "[]",
                "[]");
    }
}
