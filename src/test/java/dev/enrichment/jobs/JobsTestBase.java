package dev.enrichment.jobs;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.testsupport.MutableClock;
import dev.enrichment.testsupport.Sql;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.quarkus.test.junit.QuarkusMock;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up of the job tests: empty tables and Qdrant, a pinned clock, a fresh WireMock LLM. */
abstract class JobsTestBase {

    static final Instant NOW = Instant.parse("2025-10-21T01:00:00Z");
    static final FactTimestampBackfill.Parameters ALL_BOTS = new FactTimestampBackfill.Parameters(null);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    JobService jobs;

    @Inject
    JobStore store;

    final MutableClock clock = new MutableClock(NOW);
    final WhisperEnginePoints points = WhisperEnginePoints.writer().seeded(42);
    Sql sql;
    QdrantTestTarget qdrant;
    LlmStubs llm;

    @BeforeEach
    void resetWorld() {
        sql = new Sql(dataSource);
        qdrant = QdrantTestResource.target();
        qdrant.deleteAllCollections();
        qdrant.testDouble().ifPresent(d -> d.reset());
        sql.update("""
                TRUNCATE enrichment_jobs, enrichment_windows, enrichment_discovery_cursors,
                    enrichment_summary_revisions, enrichment_fact_history, conversation_summaries,
                    user_fact_relationships, entity_relationships, fact_entities, universal_users CASCADE
                """);
        clock.set(NOW);
        QuarkusMock.installMockForType(clock, Clock.class);
        LlmWireMockResource.server().resetAll();
        llm = LlmStubs.on(LlmWireMockResource.server())
                .willAnswer(answer(
                        "The user talked with the bot about marine biology and weekend plans. They sounded upbeat."));
    }

    /** Waits until the job has ended and returns it. */
    Job awaitEnd(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JobStatus status = store.find(id).orElseThrow().status;
            return status != JobStatus.QUEUED && status != JobStatus.RUNNING;
        });
        return store.find(id).orElseThrow();
    }

    /** A stored JSON object as the API client sees it: numbers as Integer where they fit. */
    static Map<String, Object> map(JsonNode json) {
        return JSON.convertValue(json, new TypeReference<>() {});
    }

    /** A stored JSON array of objects, as {@link #map(JsonNode)}. */
    static List<Map<String, Object>> list(JsonNode json) {
        return JSON.convertValue(json, new TypeReference<>() {});
    }

    static String answer(String summary) {
        return """
                {"summary": "%s", "key_topics": ["marine biology", "weekend plans"], "emotional_tone": "positive",
                 "confidence": 0.95, "facts": [], "preferences": []}
                """.formatted(summary);
    }
}
