package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PipelineAdminTest extends PipelineTestBase {

    private static final String ELENA = "whisperengine_memory_elena_7d";

    @Inject
    PipelineAdmin admin;

    @Inject
    SummaryRegenerator regenerator;

    @AfterEach
    void noLatency() {
        PipelineFixture.qdrant().testDouble().ifPresent(d -> d.clearFaults());
    }

    @Test
    void regeneratesASummaryAndKeepsTheOldContentAsARevision() {
        int id = oneSummarisedWindow();
        llm.willAnswer(
                PipelineFixture.answer("The user revisited marine biology in much more detail this time.", "[]", "[]"));

        assertThat(regenerator.regenerate(id)).contains(id);

        assertThat(db.rows("SELECT summary_text FROM conversation_summaries WHERE id = ?1", id))
                .containsExactly(List.of("The user revisited marine biology in much more detail this time."));
        assertThat(db.rows(
                        "SELECT reason, summary_text, model FROM enrichment_summary_revisions WHERE summary_id = ?1",
                        id))
                .containsExactly(List.of(
                        SummaryRegenerator.REASON,
                        "The user talked with the bot about marine biology and weekend plans. They sounded upbeat.",
                        "test/model"));
    }

    @Test
    void leavesTheSummaryUntouchedWhenTheLlmIsUnavailable() {
        int id = oneSummarisedWindow();
        llm.willReturn(LlmStubs.serverError(500));

        assertThatThrownBy(() -> regenerator.regenerate(id)).isInstanceOf(AnalysisFailedException.class);

        assertThat(db.rows("SELECT summary_text FROM conversation_summaries WHERE id = ?1", id))
                .containsExactly(List.of(
                        "The user talked with the bot about marine biology and weekend plans. They sounded upbeat."));
        assertThat(db.count("SELECT count(*) FROM enrichment_summary_revisions"))
                .isZero();
        assertThat(db.rows("SELECT status, lease_owner FROM enrichment_windows"))
                .containsExactly(java.util.Arrays.asList("done", null));
    }

    @Test
    void refusesToRegenerateAWindowAWorkerHolds() {
        int id = oneSummarisedWindow();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE enrichment_windows SET status = 'processing', lease_owner = 'worker', lease_expires_at = ?1")
                        .setParameter(1, clock.instant().plusSeconds(600))
                        .executeUpdate());

        assertThatThrownBy(() -> regenerator.regenerate(id)).isInstanceOf(WindowBusyException.class);
    }

    @Test
    void regeneratingAnUnknownSummaryFindsNothing() {
        assertThat(regenerator.regenerate(987_654)).isEmpty();
    }

    @Test
    void requeuesFailedWindowsByBotAndUser() {
        oneSummarisedWindow();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE enrichment_windows SET status = 'failed', attempts = 8")
                        .executeUpdate());

        assertThat(admin.requeueFailed("marcus", null)).isZero();
        assertThat(admin.requeueFailed("elena", "olga")).isEqualTo(1);
        assertThat(db.rows("SELECT status, attempts FROM enrichment_windows")).containsExactly(List.of("pending", 0));
    }

    @Test
    void reportsPerBotProgressAndCoverage() {
        oneSummarisedWindow();

        PipelineStatus status = admin.status();
        Coverage coverage = admin.coverage("elena", "olga", Instant.parse("2025-10-13T00:00:00Z"), NOW);

        assertThat(status.bots()).singleElement().satisfies(bot -> {
            assertThat(bot.bot()).isEqualTo("elena");
            assertThat(bot.collections()).containsExactly(ELENA);
            assertThat(bot.doneWindows()).isEqualTo(1);
            assertThat(bot.lagSeconds()).isNotNegative();
        });
        assertThat(status.lastCycle()).isNotNull();
        assertThat(coverage).isEqualTo(new Coverage(NOW, 0));
    }

    @Test
    void startsOneBackgroundCycleAtATime() {
        oneSummarisedWindow();
        PipelineFixture.qdrantDouble().latency(Duration.ofMillis(300));

        assertThat(admin.startCycle()).isTrue();
        assertThat(admin.startCycle()).as("single flight").isFalse();

        await().atMost(Duration.ofSeconds(20)).until(() -> !cycle.isRunning());
        assertThat(admin.startCycle()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> !cycle.isRunning());
    }

    private int oneSummarisedWindow() {
        qdrant.createWhisperEngineCollection(ELENA);
        qdrant.upsert(ELENA, bots.conversation("olga", LocalDateTime.of(2025, 10, 18, 9, 0), 6, Duration.ofMinutes(1)));
        assertThat(cycle.run().analysed()).isEqualTo(1);
        return ((Number) db.rows("SELECT id FROM conversation_summaries").get(0).get(0)).intValue();
    }
}
