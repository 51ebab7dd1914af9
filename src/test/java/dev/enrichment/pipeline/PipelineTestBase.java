package dev.enrichment.pipeline;

import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.testsupport.MutableClock;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.quarkus.test.junit.QuarkusMock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up of the pipeline tests: empty tables and Qdrant, a pinned clock, a fresh WireMock LLM. */
abstract class PipelineTestBase {

    static final Instant NOW = Instant.parse("2025-10-21T01:00:00Z");

    @Inject
    EnrichmentCycle cycle;

    @Inject
    EntityManager em;

    @Inject
    LlmOutage outage;

    final MutableClock clock = new MutableClock(NOW);
    final WhisperEnginePoints bots = WhisperEnginePoints.writer();
    PipelineFixture db;
    QdrantTestTarget qdrant;
    LlmStubs llm;

    @BeforeEach
    void resetWorld() {
        db = new PipelineFixture(em);
        db.reset();
        qdrant = PipelineFixture.qdrant();
        clock.set(NOW);
        QuarkusMock.installMockForType(clock, Clock.class);
        LlmWireMockResource.server().resetAll();
        llm = LlmStubs.on(LlmWireMockResource.server()).willAnswer(PipelineFixture.plainAnswer());
        outage.succeeded();
    }

    static LocalDateTime naive(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    long summaries() {
        return db.count("SELECT count(*) FROM conversation_summaries");
    }
}
