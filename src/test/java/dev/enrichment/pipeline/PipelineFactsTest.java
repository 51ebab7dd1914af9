package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PipelineFactsTest extends PipelineTestBase {

    private static final String ELENA = "whisperengine_memory_elena_7d";

    @Test
    void storesFactsAndPreferencesWhereTheBotsReadThem() {
        qdrant.createWhisperEngineCollection(ELENA);
        LocalDateTime day = LocalDateTime.of(2025, 10, 18, 9, 0);
        qdrant.upsert(ELENA, bots.exchange("gus", day, "Please call me Gus from now on.", "Sure, Gus!"));
        qdrant.upsert(ELENA, bots.exchange("gus", day.plusMinutes(1), "I love scuba diving.", "Nice!"));
        qdrant.upsert(ELENA, bots.exchange("gus", day.plusMinutes(2), "I live in Lisbon.", "Lovely city."));
        llm.willAnswer(PipelineFixture.answer(
                "The user asked to be called Gus and said they love scuba diving and live in Lisbon.", """
                [{"entity_name": "scuba diving", "entity_type": "hobby", "relationship_type": "loves",
                  "confidence": 0.9, "reasoning": "stated directly"},
                 {"entity_name": "Lisbon", "entity_type": "location", "relationship_type": "lives_in",
                  "confidence": 0.9, "reasoning": "stated directly"}]""", """
                [{"preference_type": "preferred_name", "preference_value": "Gus", "confidence": 0.95,
                  "is_explicit": true, "is_preference_change": false, "reasoning": "asked to be called Gus"}]"""));

        cycle.run();

        // The bots' own reads (reference section 7): character-aware facts without markers, and the preference.
        List<List<Object>> facts = db.rows("""
                SELECT fe.entity_name, ufr.relationship_type
                FROM user_fact_relationships ufr JOIN fact_entities fe ON ufr.entity_id = fe.id
                WHERE ufr.user_id = ?1 AND (ufr.mentioned_by_character = ?2 OR ufr.mentioned_by_character IS NULL)
                  AND fe.entity_type != '_processing_marker' AND ufr.relationship_type NOT LIKE '_enrichment%'
                ORDER BY ufr.confidence DESC, fe.entity_name""", "gus", "elena");
        assertThat(facts).containsExactlyInAnyOrder(List.of("scuba diving", "loves"), List.of("Lisbon", "lives_in"));
        assertThat(db.rows(
                        "SELECT preferences->'preferred_name'->>'value' FROM universal_users"
                                + " WHERE universal_id = ?1",
                        "gus"))
                .containsExactly(List.of("Gus"));
        assertThat(db.rows("""
                SELECT ufr.context_metadata->>'bot_name', jsonb_array_length(ufr.context_metadata->'source_messages')
                FROM user_fact_relationships ufr JOIN fact_entities fe ON ufr.entity_id = fe.id
                WHERE fe.entity_name = 'Lisbon'""")).containsExactly(List.of("elena", 6));
    }

    @Test
    void aContradictingFactLeavesTheOlderOneInHistory() {
        qdrant.createWhisperEngineCollection(ELENA);
        LocalDateTime day = LocalDateTime.of(2025, 10, 17, 9, 0);
        qdrant.upsert(ELENA, bots.conversation("hal", day, 6, Duration.ofMinutes(1)));
        llm.willAnswer(
                PipelineFixture.answer("The user said they like olives and talked about food at length.", """
                [{"entity_name": "olives", "entity_type": "food", "relationship_type": "likes",
                  "confidence": 0.7, "reasoning": "said so"}]""", "[]"));
        cycle.run();

        qdrant.upsert(ELENA, bots.conversation("hal", day.plusDays(1), 6, Duration.ofMinutes(1)));
        llm.willAnswer(PipelineFixture.answer(
                "The user said they now hate olives and talked about food at length.", """
                [{"entity_name": "olives", "entity_type": "food", "relationship_type": "hates",
                  "confidence": 0.9, "reasoning": "said so"}]""", "[]"));
        cycle.run();

        assertThat(db.rows("""
                SELECT ufr.relationship_type FROM user_fact_relationships ufr
                JOIN fact_entities fe ON ufr.entity_id = fe.id WHERE ufr.user_id = 'hal'""")).containsExactly(List.of("hates"));
        assertThat(db.count("""
                SELECT count(*) FROM enrichment_fact_history
                WHERE user_id = 'hal' AND relationship_type = 'likes' AND change = 'superseded'""")).isEqualTo(1);
    }
}
