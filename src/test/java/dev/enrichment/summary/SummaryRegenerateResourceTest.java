package dev.enrichment.summary;

import static dev.enrichment.summary.SummaryResourceTest.asAdmin;
import static dev.enrichment.summary.SummaryResourceTest.asBot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.pipeline.EnrichmentCycle;
import dev.enrichment.testsupport.MutableClock;
import dev.enrichment.testsupport.Sql;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SummaryRegenerateResourceTest {

    private static final Instant NOW = Instant.parse("2025-10-21T01:00:00Z");
    private static final String COLLECTION = "whisperengine_memory_regen";
    private static final String FIRST_TEXT = "The user talked with the bot about marine biology. They sounded upbeat.";
    private static final String NEW_TEXT = "The user revisited marine biology in much more detail this time.";

    @Inject
    EnrichmentCycle cycle;

    @Inject
    DataSource dataSource;

    private final MutableClock clock = new MutableClock(NOW);
    private Sql sql;
    private LlmStubs llm;
    private int summaryId;

    @BeforeEach
    void oneSummarisedWindow() {
        sql = new Sql(dataSource);
        QdrantTestTarget qdrant = QdrantTestResource.target();
        qdrant.deleteAllCollections();
        qdrant.testDouble().ifPresent(QdrantTestDouble::reset);
        sql.update("""
                TRUNCATE enrichment_windows, enrichment_discovery_cursors, enrichment_summary_revisions,
                    enrichment_fact_history, conversation_summaries, user_fact_relationships, entity_relationships,
                    fact_entities, universal_users CASCADE""");
        QuarkusMock.installMockForType(clock, Clock.class);
        LlmWireMockResource.server().resetAll();
        llm = LlmStubs.on(LlmWireMockResource.server()).willAnswer(answer(FIRST_TEXT));

        qdrant.createWhisperEngineCollection(COLLECTION);
        qdrant.upsert(
                COLLECTION,
                WhisperEnginePoints.writer()
                        .conversation("olga", LocalDateTime.of(2025, 10, 18, 9, 0), 6, Duration.ofMinutes(1)));
        assertThat(cycle.run().analysed()).isEqualTo(1);
        summaryId = ((Number) sql.value("SELECT id FROM conversation_summaries")).intValue();
    }

    @Test
    void regeneratesTheSummaryAndKeepsTheOldContentAsARevision() {
        llm.willAnswer(answer(NEW_TEXT));

        asAdmin()
                .post("/api/v1/summaries/{id}/regenerate", summaryId)
                .then()
                .statusCode(200)
                .body("id", equalTo(summaryId))
                .body("summary", equalTo(NEW_TEXT))
                .body("bot", equalTo("regen"))
                .body("user_id", equalTo("olga"))
                .body("start", equalTo("2025-10-18T00:00:00Z"))
                .body("message_count", equalTo(6));

        asBot().get("/api/v1/summaries/{id}/revisions", summaryId)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].summary", equalTo(FIRST_TEXT))
                .body("items[0].model", equalTo(LlmWireMockResource.MODEL))
                .body("items[0].input_hash", notNullValue());
        asBot().get("/api/v1/summaries/{id}", summaryId).then().body("summary", equalTo(NEW_TEXT));
    }

    @Test
    void refusesWithA409WhileAWorkerHoldsTheWindow() {
        sql.update(
                "UPDATE enrichment_windows SET status = 'processing', lease_owner = 'another-worker', "
                        + "lease_expires_at = ?",
                Timestamp.from(NOW.plusSeconds(600)));
        llm.willAnswer(answer(NEW_TEXT));

        asAdmin()
                .post("/api/v1/summaries/{id}/regenerate", summaryId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        asBot().get("/api/v1/summaries/{id}", summaryId).then().body("summary", equalTo(FIRST_TEXT));
    }

    @Test
    void answers503AndLeavesTheSummaryUntouchedWhenTheLlmFails() {
        llm.willReturn(LlmStubs.serverError(500));

        asAdmin()
                .post("/api/v1/summaries/{id}/regenerate", summaryId)
                .then()
                .statusCode(503)
                .contentType("application/problem+json");

        asBot().get("/api/v1/summaries/{id}", summaryId).then().statusCode(200).body("summary", equalTo(FIRST_TEXT));
        asBot().get("/api/v1/summaries/{id}/revisions", summaryId).then().body("items", hasSize(0));
        assertThat(sql.rows("SELECT status, lease_owner FROM enrichment_windows"))
                .singleElement()
                .satisfies(
                        row -> assertThat(row).containsEntry("status", "done").containsEntry("lease_owner", null));
    }

    @Test
    void regeneratingAnUnknownSummaryIsA404() {
        asAdmin()
                .post("/api/v1/summaries/{id}/regenerate", summaryId + 1000)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static String answer(String summary) {
        return """
                {"summary": "%s", "key_topics": ["marine biology", "weekend plans"], "emotional_tone": "positive",
                 "confidence": 0.95, "facts": [], "preferences": []}
                """.formatted(summary);
    }
}
