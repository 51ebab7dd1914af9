package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.qdrant.ExpectQdrantClientFailures;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ExpectQdrantClientFailures.class)
class PipelineFailureTest extends PipelineTestBase {

    private static final String ELENA = "whisperengine_memory_elena_7d";

    @Inject
    PipelineConfig config;

    @Inject
    WindowQueue queue;

    @Inject
    Discovery discovery;

    @Inject
    WindowProcessor processor;

    @Test
    void writesNothingWhileTheLlmFailsAndEverythingOnceItRecovers() {
        int windows = seedClosedWindows();
        List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> failures = List.of(
                LlmStubs.serverError(500),
                LlmStubs.rateLimited("1"),
                LlmStubs.slow(Duration.ofSeconds(5), PipelineFixture.plainAnswer()),
                LlmStubs.completion("this is not json {", 10, 5),
                LlmStubs.completion("{\"summary\": 42, \"key_topics\": \"none\"}", 10, 5));

        for (var failure : failures) {
            llm.willReturn(failure);
            CycleOutcome outcome = cycle.run();
            assertThat(outcome.failed()).isEqualTo(windows);
            assertThat(summaries()).isZero();
            assertThat(db.count("SELECT count(*) FROM user_fact_relationships")).isZero();
            clock.advance(config.maxRetryBackoff().plusMinutes(1));
        }
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'pending' AND attempts = 5"
                        + " AND last_error IS NOT NULL"))
                .isEqualTo(windows);

        llm.willAnswer(PipelineFixture.plainAnswer());
        int callsBefore = llm.requestCount();
        CycleOutcome recovered = cycle.run();

        assertThat(recovered.analysed()).isEqualTo(windows);
        assertThat(summaries()).isEqualTo(windows);
        assertThat(llm.requestCount() - callsBefore).isEqualTo(windows);
        assertThat(db.count("SELECT count(*) FROM enrichment_summary_revisions"))
                .isZero();
        assertThat(cycle.run().analysed()).isZero();
    }

    @Test
    void marksAWindowFailedAfterMaxAttemptsAndKeepsItVisible() {
        seedClosedWindows();
        llm.willReturn(LlmStubs.serverError(503));

        for (int i = 0; i < config.maxAttempts(); i++) {
            cycle.run();
            clock.advance(config.maxRetryBackoff().plusMinutes(1));
        }

        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'failed'"))
                .isEqualTo(2);
        assertThat(cycle.run().failed()).as("failed windows wait for a requeue").isZero();
        assertThat(summaries()).isZero();
    }

    @Test
    void aFailureBeforeCommitOrACrashEndsInTheSameDatabaseAsAnUninterruptedRun() {
        seedClosedWindows();
        cycle.run();
        List<List<Object>> uninterrupted = outputs();

        db.reset();
        clock.set(NOW);
        seedClosedWindows();
        AtomicInteger sabotage = new AtomicInteger(1);
        QuarkusMock.installMockForType(
                new WindowQueue(em, config, clock) {
                    @Override
                    public void complete(
                            ClaimedWindow claimed,
                            WindowStatus outcome,
                            Integer summaryId,
                            int messageCount,
                            WindowAnalysis analysis) {
                        if (outcome == WindowStatus.DONE && sabotage.getAndDecrement() > 0) {
                            throw new IllegalStateException("injected failure after analysis, before commit");
                        }
                        super.complete(claimed, outcome, summaryId, messageCount, analysis);
                    }
                },
                WindowQueue.class);
        CycleOutcome interrupted = cycle.run();
        assertThat(interrupted.failed()).isEqualTo(1);
        // A process that claims a window and dies: its lease expires and another takes the work over.
        clock.advance(config.maxRetryBackoff().plusMinutes(1));
        QuarkusMock.installMockForType(new WindowQueue(em, config, clock), WindowQueue.class);
        assertThat(queue.claimNext("a-process-that-dies")).isPresent();
        clock.advance(config.lease().plusMinutes(1));

        CycleOutcome restarted = cycle.run();

        assertThat(restarted.analysed()).isEqualTo(1);
        assertThat(outputs()).isEqualTo(uninterrupted);
    }

    @Test
    void aCycleThatCrashesIsStillRecordedAsTheLastCycle() {
        seedClosedWindows();
        QuarkusMock.installMockForType(
                new WindowQueue(em, config, clock) {
                    @Override
                    public Optional<ClaimedWindow> claimNext(String leaseOwner) {
                        throw new IllegalStateException("injected: the database went away");
                    }
                },
                WindowQueue.class);

        assertThatThrownBy(cycle::run).hasMessageContaining("window worker failed");

        assertThat(cycle.lastOutcome()).hasValueSatisfying(last -> {
            assertThat(last.completed()).isFalse();
            assertThat(last.error()).contains("window worker failed", "injected: the database went away");
            assertThat(last.collections()).isEqualTo(1);
            assertThat(last.newMessages())
                    .as("what the cycle did before it failed")
                    .isPositive();
        });
    }

    /** Two closed windows of one user, plus one too small to summarise. */
    @Test
    void aQdrantOutageDuringAnalysisLeavesTheWindowsTheirAttempts() {
        seedClosedWindows();
        List<BotCollection> collections = List.of(new BotCollection(ELENA, "elena"));
        discovery.discover(collections.get(0));
        QdrantTestDouble faults = qdrant.testDouble().orElseThrow();

        faults.failAll(Status.UNAVAILABLE.withDescription("injected outage"));
        WindowResult outage = processor.process(queue.claimNext("test").orElseThrow(), collections);
        faults.clearFaults();

        assertThat(outage.outcome()).isEqualTo(WindowOutcome.RELEASED);
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'pending' AND attempts = 0"
                        + " AND last_error LIKE '%injected outage%'"))
                .as("the window read during the outage keeps its attempts")
                .isEqualTo(1);

        // the same window again, now refused by Qdrant for its own request: that is the window's attempt
        faults.failNext("Scroll", Status.INVALID_ARGUMENT.withDescription("a request Qdrant refuses"), 1);
        WindowResult refused = processor.process(queue.claimNext("test").orElseThrow(), collections);

        assertThat(refused.outcome()).isEqualTo(WindowOutcome.FAILED);
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE attempts = 1"))
                .isEqualTo(1);
        assertThat(llm.requestCount())
                .as("no paid call for a window that could not be read")
                .isZero();
    }

    private int seedClosedWindows() {
        qdrant.createWhisperEngineCollection(ELENA);
        LocalDateTime day = LocalDateTime.of(2025, 10, 18, 9, 0);
        qdrant.upsert(ELENA, bots.conversation("fay", day, 6, Duration.ofMinutes(2)));
        qdrant.upsert(ELENA, bots.conversation("fay", day.plusDays(1), 8, Duration.ofMinutes(2)));
        qdrant.upsert(ELENA, bots.conversation("fay", day.plusDays(2), 2, Duration.ofMinutes(2)));
        return 2;
    }

    private List<List<Object>> outputs() {
        return db.rows("""
                SELECT user_id, bot_name, start_timestamp, end_timestamp, summary_text, summary_type, message_count,
                       array_to_string(key_topics, ','), emotional_tone, compression_ratio, confidence_score
                FROM conversation_summaries ORDER BY start_timestamp""");
    }
}
