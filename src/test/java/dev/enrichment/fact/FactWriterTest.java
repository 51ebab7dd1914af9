package dev.enrichment.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.enrichment.testsupport.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FactWriterTest {

    /** {@code semantic_router.get_character_aware_facts}, as the bots run it. */
    private static final String CHARACTER_AWARE_FACTS = """
            SELECT fe.entity_name, fe.entity_type, ufr.relationship_type, ufr.confidence
              FROM user_fact_relationships ufr
              JOIN fact_entities fe ON ufr.entity_id = fe.id
             WHERE ufr.user_id = ?
               AND (ufr.mentioned_by_character = ? OR ufr.mentioned_by_character IS NULL)
               AND fe.entity_type != '_processing_marker'
               AND ufr.relationship_type NOT LIKE '_enrichment%'
             ORDER BY ufr.confidence DESC""";

    /** {@code get_temporally_relevant_facts}: facts updated within the 90-day lookback, markers excluded. */
    private static final String TEMPORALLY_RELEVANT_FACTS = """
            SELECT fe.entity_name, ufr.relationship_type, ufr.confidence, ufr.updated_at
              FROM user_fact_relationships ufr
              JOIN fact_entities fe ON ufr.entity_id = fe.id
             WHERE ufr.user_id = ?
               AND ufr.updated_at >= NOW() - INTERVAL '90 days'
               AND fe.entity_type != '_processing_marker'
               AND ufr.relationship_type NOT LIKE '_enrichment%'
             ORDER BY ufr.confidence DESC, ufr.updated_at DESC""";

    private static final Instant WINDOW_START = Instant.parse("2025-10-18T00:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2025-10-19T00:00:00Z");
    private static final Instant NEWEST_MESSAGE = Instant.parse("2025-10-18T23:23:30.655569Z");
    private static final Instant EXTRACTED_AT = Instant.parse("2025-10-19T02:31:44.901233Z");

    @Inject
    FactWriter writer;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    private Sql sql;
    private String userId;
    private String pizza;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        userId = "fact-user-" + UUID.randomUUID();
        pizza = "pizza " + UUID.randomUUID();
    }

    @Test
    void storesFactsWhereTheBotsQueriesFindThem() {
        String portland = "Portland " + UUID.randomUUID();
        String nurse = "nurse " + UUID.randomUUID();

        FactWriteOutcome outcome = write(
                source("elena", "p1", "p2"),
                new NewFact(pizza, "food", "likes", 0.9, "said they love pizza"),
                new NewFact(portland, "location", "lives_in", 0.95, "moved there"),
                new NewFact(nurse, "occupation", "works_as", 0.8, "mentioned their shifts"));

        assertThat(outcome.created()).isEqualTo(3);
        assertThat(sql.rows(CHARACTER_AWARE_FACTS, userId, "elena"))
                .extracting(
                        row -> row.get("entity_name"),
                        row -> row.get("relationship_type"),
                        row -> row.get("confidence"))
                .containsExactly(
                        tuple(portland, "lives_in", 0.95), tuple(pizza, "likes", 0.9), tuple(nurse, "works_as", 0.8));
        assertThat(sql.rows(CHARACTER_AWARE_FACTS, userId, "marcus"))
                .as("another bot's character-aware view")
                .isEmpty();
        assertThat(sql.rows(TEMPORALLY_RELEVANT_FACTS, userId)).hasSize(3);
        assertThat(sql.rows("""
                SELECT fe.category, fe.attributes ->> 'extraction_method' AS method, fe.attributes -> 'tags' AS tags,
                       fe.search_vector IS NOT NULL AS searchable, ufr.emotional_context, ufr.source_platform,
                       ufr.related_entities, ufr.strength
                  FROM user_fact_relationships ufr JOIN fact_entities fe ON ufr.entity_id = fe.id
                 WHERE ufr.user_id = ? AND fe.entity_name = ?""", userId, pizza).get(0).values())
                .extracting(String::valueOf)
                .containsExactly("food", "enrichment_service", "[]", "true", "neutral", "discord", "[]", "0.5");
    }

    @Test
    void writesTheContextMetadataTheOldWorkerWrote() {
        write(
                source("elena", "3f6e2b8c-0a4d-4f39-b0f6-6f8e9b2d1a11", "c0ffee00-1234-4abc-9def-0123456789ab"),
                new NewFact(pizza, "food", "likes", 0.9, "said they love pizza"));

        Map<String, Object> metadata = sql.rows(
                        """
                SELECT ufr.context_metadata ->> 'latest_message_timestamp' AS latest,
                       ufr.context_metadata ->> 'bot_name' AS bot,
                       ufr.context_metadata ->> 'extraction_method' AS method,
                       ufr.context_metadata ->> 'extracted_at' AS extracted,
                       ufr.context_metadata ->> 'window_start' AS window_start,
                       ufr.context_metadata ->> 'window_end' AS window_end,
                       ufr.context_metadata ->> 'reasoning' AS reasoning,
                       ufr.context_metadata -> 'source_messages' = CAST(? AS jsonb) AS has_sources,
                       ufr.context_metadata ->> 'confirmation_count' AS confirmations,
                       ufr.context_metadata ->> 'conversation_window_size' AS window_size,
                       ufr.context_metadata -> 'related_facts' AS related,
                       jsonb_typeof(ufr.context_metadata -> 'temporal_context') AS temporal
                  FROM user_fact_relationships ufr JOIN fact_entities fe ON ufr.entity_id = fe.id
                 WHERE ufr.user_id = ? AND fe.entity_name = ?""",
                        "[\"3f6e2b8c-0a4d-4f39-b0f6-6f8e9b2d1a11\", \"c0ffee00-1234-4abc-9def-0123456789ab\"]",
                        userId,
                        pizza)
                .get(0);
        assertThat(metadata)
                .containsEntry("latest", "2025-10-18T23:23:30.655569")
                .containsEntry("bot", "elena")
                .containsEntry("method", "enrichment_service")
                .containsEntry("extracted", "2025-10-19T02:31:44.901233+00:00")
                .containsEntry("window_start", "2025-10-18T00:00:00+00:00")
                .containsEntry("window_end", "2025-10-19T00:00:00+00:00")
                .containsEntry("reasoning", "said they love pizza")
                .containsEntry("has_sources", true)
                .containsEntry("confirmations", "1")
                .containsEntry("window_size", "2")
                .containsEntry("temporal", "null");
        assertThat(String.valueOf(metadata.get("related"))).isEqualTo("[]");
        // the old worker's own watermark query (reference 2.6) finds the fact through bot_name
        assertThat(sql.rows("""
                SELECT ufr.context_metadata ->> 'latest_message_timestamp' AS latest
                  FROM user_fact_relationships ufr JOIN fact_entities fe ON ufr.entity_id = fe.id
                 WHERE ufr.user_id = ?
                   AND (fe.entity_type = '_processing_marker' OR ufr.context_metadata ->> 'bot_name' = ?
                        OR ufr.context_metadata IS NULL)""", userId, "elena"))
                .extracting(row -> row.get("latest"))
                .containsExactly("2025-10-18T23:23:30.655569");
    }

    @Test
    void reExtractingAFactMergesItsMetadataAndDoesNotDuplicateIt() {
        write(source("elena", "p1"), new NewFact(pizza, "food", "likes", 0.8, "first time"));
        sql.update("""
                UPDATE user_fact_relationships SET context_metadata = context_metadata || '{"bot_note": "kept"}'
                 WHERE user_id = ?""", userId);
        Instant laterMessage = Instant.parse("2025-10-20T08:00:00Z");

        FactWriteOutcome stronger =
                write(source("marcus", laterMessage, "p7"), new NewFact(pizza, "food", "likes", 0.9, "again"));
        FactWriteOutcome weaker =
                write(source("elena", NEWEST_MESSAGE, "p2"), new NewFact(pizza, "food", "likes", 0.7, null));

        assertThat(stronger.strengthened()).isEqualTo(1);
        assertThat(weaker.confirmed()).isEqualTo(1);
        List<Map<String, Object>> rows = sql.rows("""
                SELECT ufr.id, ufr.confidence, ufr.mentioned_by_character,
                       ufr.context_metadata ->> 'bot_note' AS bot_note,
                       ufr.context_metadata ->> 'confirmation_count' AS confirmations,
                       ufr.context_metadata ->> 'latest_message_timestamp' AS latest,
                       ufr.context_metadata ->> 'reasoning' AS reasoning,
                       ufr.context_metadata -> 'source_messages' AS sources,
                       ufr.context_metadata ->> 'multi_message_confirmed' AS multi,
                       ufr.context_metadata -> 'related_facts' AS related
                  FROM user_fact_relationships ufr JOIN fact_entities fe ON ufr.entity_id = fe.id
                 WHERE ufr.user_id = ?""", userId);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row)
                .containsEntry("confidence", 0.9)
                .containsEntry("mentioned_by_character", "elena")
                .containsEntry("bot_note", "kept")
                .containsEntry("confirmations", "3")
                .containsEntry("latest", "2025-10-20T08:00:00")
                .containsEntry("reasoning", "again")
                .containsEntry("multi", "true");
        assertThat(String.valueOf(row.get("sources"))).isEqualTo("[\"p2\"]");
        assertThat(String.valueOf(row.get("related"))).isEqualTo("[]");
        assertThat(history())
                .extracting(
                        h -> h.get("change"),
                        h -> h.get("confidence_before"),
                        h -> h.get("confidence_after"),
                        h -> h.get("relationship_id"))
                .containsExactly(
                        tuple("created", null, 0.8, row.get("id")),
                        tuple("strengthened", 0.8, 0.9, row.get("id")),
                        tuple("confirmed", 0.9, 0.9, row.get("id")));
    }

    @Test
    void aStrongerContradictionSupersedesTheOlderFactAndKeepsItInHistory() {
        write(source("elena", "p1"), new NewFact(pizza, "food", "likes", 0.7, null));
        Object likedId = sql.value("SELECT id FROM user_fact_relationships WHERE user_id = ?", userId);

        FactWriteOutcome outcome =
                write(source("elena", "p9"), new NewFact(pizza, "food", "dislikes", 0.9, "changed mind"));

        assertThat(outcome.created()).isEqualTo(1);
        assertThat(outcome.superseded()).isEqualTo(1);
        assertThat(sql.rows(CHARACTER_AWARE_FACTS, userId, "elena"))
                .extracting(row -> row.get("relationship_type"), row -> row.get("confidence"))
                .containsExactly(tuple("dislikes", 0.9));
        Map<String, Object> superseded = history().get(1);
        assertThat(superseded)
                .containsEntry("change", "superseded")
                .containsEntry("relationship_id", likedId)
                .containsEntry("relationship_type", "likes")
                .containsEntry("confidence_before", 0.7)
                .containsEntry("confidence_after", null)
                .containsEntry("entity_name", pizza)
                .containsEntry("bot_name", "elena")
                .containsEntry("sources", "p9");
        assertThat(history().get(2)).containsEntry("change", "created").containsEntry("relationship_type", "dislikes");
    }

    @Test
    void aWeakerContradictionIsSkippedAndRecorded() {
        write(source("elena", "p1"), new NewFact(pizza, "food", "likes", 0.9, "loves it"));
        String before = liveFactsAsText();

        FactWriteOutcome outcome = write(source("elena", "p5"), new NewFact(pizza, "food", "dislikes", 0.6, "hedged"));

        assertThat(outcome.outranked()).isEqualTo(1);
        assertThat(outcome.stored()).isZero();
        assertThat(liveFactsAsText()).as("the stronger fact is untouched").isEqualTo(before);
        assertThat(history().get(1))
                .containsEntry("change", "superseded")
                .containsEntry("relationship_id", null)
                .containsEntry("relationship_type", "dislikes")
                .containsEntry("confidence_before", 0.6)
                .containsEntry("sources", "p5");
    }

    @Test
    void theStrongestOfSimilarTypesWins() {
        write(source("elena", "p1"), new NewFact(pizza, "food", "loves", 0.9, null));

        FactWriteOutcome weaker = write(source("elena", "p2"), new NewFact(pizza, "food", "likes", 0.7, null));
        FactWriteOutcome stronger = write(source("elena", "p3"), new NewFact(pizza, "food", "enjoys", 0.95, null));

        assertThat(weaker.outranked()).isEqualTo(1);
        assertThat(stronger.superseded()).isEqualTo(1);
        assertThat(sql.rows(CHARACTER_AWARE_FACTS, userId, "elena"))
                .extracting(row -> row.get("relationship_type"), row -> row.get("confidence"))
                .containsExactly(tuple("enjoys", 0.95));
        assertThat(history())
                .extracting(h -> h.get("change"), h -> h.get("relationship_type"))
                .containsExactly(
                        tuple("created", "loves"),
                        tuple("superseded", "likes"),
                        tuple("superseded", "loves"),
                        tuple("created", "enjoys"));
    }

    @Test
    void anInvalidFactIsRejectedAloneAndTheTransactionStaysUsable() {
        String cats = "cats " + UUID.randomUUID();
        List<NewFact> facts = List.of(
                new NewFact(pizza, "food", "likes", 0.9, null),
                new NewFact(
                        "secret stuff", "hobby", "is_deeply_and_passionately_interested_in_the_topic_of", 0.9, null),
                new NewFact("secret stuff", "hobby", "likes", 1.5, null),
                new NewFact("secret stuff", "hobby", "likes", Double.NaN, null),
                new NewFact(" ", "hobby", "likes", 0.5, null),
                new NewFact(cats, "pet", "owns", 0.85, null));

        Object[] result = QuarkusTransaction.requiringNew().call(() -> {
            FactWriteOutcome outcome = writer.write(source("elena", "p1"), facts);
            Object count = entityManager
                    .createNativeQuery("SELECT count(*) FROM user_fact_relationships WHERE user_id = :user")
                    .setParameter("user", userId)
                    .getSingleResult();
            return new Object[] {outcome, count};
        });

        FactWriteOutcome outcome = (FactWriteOutcome) result[0];
        assertThat(outcome.created()).isEqualTo(2);
        assertThat(outcome.rejected()).isEqualTo(4);
        assertThat(outcome.rejections())
                .hasSize(4)
                .allSatisfy(
                        reason -> assertThat(reason).doesNotContain("secret").doesNotContain("interested"))
                .first()
                .asString()
                .startsWith("fact 2: relationship_type has 53 characters");
        assertThat(((Number) result[1]).intValue())
                .as("a statement after the write, in the same transaction")
                .isEqualTo(2);
        assertThat(sql.rows(CHARACTER_AWARE_FACTS, userId, "elena"))
                .extracting(row -> row.get("entity_name"))
                .containsExactly(pizza, cats);
    }

    @Test
    void leavesProcessingMarkersUntouched() {
        String markerName = "elena_" + userId + "_fact";
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, created_at, last_active)
                VALUES (?, 'marker_owner', '2025-10-01 00:00:00', '2025-10-01 00:00:00')""", userId);
        sql.update("""
                INSERT INTO fact_entities (entity_type, entity_name, category, attributes, updated_at)
                VALUES ('_processing_marker', ?, '_marker', '{"type": "enrichment_fact_progress"}', '2025-10-01 00:00:00')""", markerName);
        sql.update("""
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence, context_metadata,
                                                     updated_at)
                SELECT ?, id, '_enrichment_fact_marker', 1.0,
                       '{"latest_message_timestamp": "2025-10-01T00:00:00", "bot_name": "elena",
                         "marker_type": "enrichment_fact_progress"}', '2025-10-01 00:00:00'
                  FROM fact_entities WHERE entity_type = '_processing_marker' AND entity_name = ?""", userId, markerName);
        String markers = markersAsText(markerName);

        FactWriteOutcome outcome = write(
                source("elena", "p1"),
                new NewFact(markerName, "_processing_marker", "likes", 0.9, null),
                new NewFact(pizza, "food", "_enrichment_fact_marker", 0.9, null),
                new NewFact(pizza, "food", "likes", 0.9, null));

        assertThat(outcome.rejected()).isEqualTo(2);
        assertThat(outcome.created()).isEqualTo(1);
        assertThat(markersAsText(markerName)).isEqualTo(markers);
    }

    @Test
    void keepsTheNamesAndActivityOfAnExistingUser() {
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, display_name, created_at, last_active,
                                             preferences)
                VALUES (?, 'marcus_real', 'Marcus', '2025-09-02 18:11:05', '2025-10-26 21:40:12',
                        '{"timezone": {"value": "CET"}}')""", userId);

        write(source("elena", "p1"), new NewFact(pizza, "food", "likes", 0.9, null));

        assertThat(sql.rows("""
                SELECT primary_username, display_name, to_char(last_active, 'YYYY-MM-DD HH24:MI:SS') AS last_active,
                       preferences ->> 'timezone' AS timezone
                  FROM universal_users WHERE universal_id = ?""", userId).get(0).values())
                .containsExactly("marcus_real", "Marcus", "2025-10-26 21:40:12", "{\"value\": \"CET\"}");
    }

    @Test
    void createsAMissingUserWithWhisperEngineStylePlaceholderNames() {
        write(source("elena", "p1"), new NewFact(pizza, "food", "likes", 0.9, null));

        assertThat(sql.rows("""
                SELECT primary_username, display_name, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created
                  FROM universal_users WHERE universal_id = ?""", userId).get(0).values())
                .containsExactly(
                        "user_" + userId.substring(userId.length() - 8),
                        "User " + userId.substring(userId.length() - 6),
                        "2025-10-18T23:23:30.655569");
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatThrownBy(() ->
                        writer.write(source("elena", "p1"), List.of(new NewFact(pizza, "food", "likes", 0.9, null))))
                .isInstanceOf(TransactionalException.class);
        assertThat(sql.value("SELECT count(*) FROM universal_users WHERE universal_id = ?", userId))
                .isEqualTo(0L);
    }

    private FactWriteOutcome write(FactSource source, NewFact... facts) {
        return QuarkusTransaction.requiringNew().call(() -> writer.write(source, List.of(facts)));
    }

    private FactSource source(String bot, String... messageIds) {
        return source(bot, NEWEST_MESSAGE, messageIds);
    }

    private FactSource source(String bot, Instant newestMessage, String... messageIds) {
        return new FactSource(userId, bot, WINDOW_START, WINDOW_END, newestMessage, List.of(messageIds), EXTRACTED_AT);
    }

    private List<Map<String, Object>> history() {
        return sql.rows("""
                SELECT change, relationship_id, relationship_type, entity_name, bot_name, confidence_before,
                       confidence_after, array_to_string(source_message_ids, ',') AS sources
                  FROM enrichment_fact_history WHERE user_id = ? ORDER BY id""", userId);
    }

    private String liveFactsAsText() {
        return String.valueOf(sql.rows("""
                SELECT ufr.*, fe.attributes FROM user_fact_relationships ufr JOIN fact_entities fe ON ufr.entity_id = fe.id
                 WHERE ufr.user_id = ? ORDER BY ufr.id""", userId));
    }

    private String markersAsText(String markerName) {
        return String.valueOf(sql.rows("""
                SELECT fe.*, ufr.* FROM fact_entities fe
                  LEFT JOIN user_fact_relationships ufr ON ufr.entity_id = fe.id
                 WHERE fe.entity_name = ? ORDER BY fe.entity_type""", markerName));
    }
}
