package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.testsupport.llm.AnalysisEcho;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The worker's side of batching: claiming a user's ready windows together, one call for them, held windows left. */
@QuarkusTest
class BatchedWindowsTest extends PipelineTestBase {

    private static final String COLLECTION = "whisperengine_memory_elena";
    private static final BotCollection ELENA = new BotCollection(COLLECTION, "elena");
    private static final LocalDateTime DAY = LocalDateTime.of(2025, 10, 16, 9, 0);

    @Inject
    WindowQueue queue;

    @Inject
    WindowProcessor processor;

    @Inject
    Discovery discovery;

    @Test
    void claimsTheUsersOtherReadyWindowsWithTheFirstAndAnalysesThemInOneCall() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        for (int d = 0; d < 3; d++) {
            qdrant.upsert(COLLECTION, bots.conversation("nia", DAY.plusDays(d), 6, Duration.ofMinutes(1)));
        }
        qdrant.upsert(COLLECTION, bots.conversation("omar", DAY.plusDays(1), 6, Duration.ofMinutes(1)));
        discovery.discover(ELENA);
        llm.willReturn(AnalysisEcho.answers());

        ClaimedWindow first = queue.claimNext("worker").orElseThrow();
        List<ClaimedWindow> batch = new ArrayList<>(List.of(first));
        batch.addAll(queue.claimSiblings(first, 7));

        assertThat(batch).extracting(ClaimedWindow::userId).containsExactly("nia", "nia", "nia");
        assertThat(batch).extracting(ClaimedWindow::start).isSorted();
        List<WindowResult> results = processor.processBatch(batch, List.of(ELENA));

        assertThat(results).extracting(WindowResult::outcome).containsOnly(WindowOutcome.ANALYSED);
        assertThat(llm.requestBodies().stream().distinct())
                .as("one call (a transport retry on a loaded machine resends the same body)")
                .hasSize(1);
        assertThat(db.rows("SELECT summary_text, start_timestamp FROM conversation_summaries WHERE user_id = 'nia'"))
                .hasSize(3)
                .allSatisfy(row -> assertThat((String) row.get(0))
                        .contains(row.get(1).toString().substring(0, 10)));
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'done'"))
                .isEqualTo(3);
        assertThat(queue.claimNext("worker"))
                .hasValueSatisfying(w -> assertThat(w.userId()).isEqualTo("omar"));
    }

    @Test
    void aFailedBatchCallIsOneFailureForTheOutageBreakerNotOnePerWindow() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        for (int d = 0; d < 3; d++) {
            qdrant.upsert(COLLECTION, bots.conversation("nia", DAY.plusDays(d), 6, Duration.ofMinutes(1)));
        }
        discovery.discover(ELENA);
        llm.willReturn(dev.enrichment.testsupport.llm.LlmStubs.serverError(503));
        ClaimedWindow first = queue.claimNext("worker").orElseThrow();
        List<ClaimedWindow> batch = new ArrayList<>(List.of(first));
        batch.addAll(queue.claimSiblings(first, 7));

        List<WindowResult> results = processor.processBatch(batch, List.of(ELENA));

        assertThat(results).hasSize(3).extracting(WindowResult::outcome).containsOnly(WindowOutcome.FAILED);
        assertThat(outage.mayAnalyse())
                .as("three windows, one failed call: the breaker needs three failed calls")
                .isTrue();
    }

    @Test
    void theWorkerPassesWindowsAHistoryJobHoldsByUntilTheJobLetsGo() {
        UUID job = UUID.randomUUID();
        Instant start = DAY.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        queue.markForJob(
                job,
                "elena",
                List.of(new WindowQueue.HistoryWindow(
                        "nia", new TimeWindow(start, start.plus(Duration.ofDays(1))), start.plusSeconds(3600))));

        assertThat(queue.claimNext("worker")).isEmpty();
        assertThat(queue.claimForJob(job, "history", start, start.plus(Duration.ofDays(1)), 8))
                .singleElement()
                .satisfies(w -> assertThat(w.userId()).isEqualTo("nia"));
        queue.releaseAll("history");

        assertThat(queue.releaseJob(job)).as("never tried: unmarked").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM enrichment_windows")).isZero();
    }
}
