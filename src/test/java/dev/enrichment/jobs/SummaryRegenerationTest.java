package dev.enrichment.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SummaryRegenerationTest extends JobsTestBase {

    private static final String ELENA = "whisperengine_memory_elena_7d";
    private static final LocalDateTime DAY = LocalDateTime.of(2025, 10, 18, 0, 0);
    private static final String REAL =
            "The user talked with the bot about marine biology and weekend plans. " + "They sounded upbeat.";

    @Test
    void replacesEveryPlaceholderWithARealAnalysisAndKeepsTheOldTextAsARevision() {
        seedPlaceholders();

        Job job = awaitEnd(jobs.start(SummaryRegeneration.KIND, onlyPlaceholders(null), false, "admin key")
                .id());

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(map(job.counters)).containsEntry("regenerated", 3).containsEntry("failed", 0);
        assertThat(map(job.perBot)).containsOnlyKeys("elena");
        assertThat(sql.rows("SELECT summary_text FROM conversation_summaries ORDER BY id"))
                .extracting(row -> row.get("summary_text"))
                .containsExactly(REAL, REAL, REAL, "A real summary the worker wrote.");
        assertThat(sql.rows("SELECT summary_text FROM enrichment_summary_revisions ORDER BY summary_id"))
                .extracting(row -> row.get("summary_text"))
                .containsExactly(placeholder(6), "Talked a lot.", placeholder(6));
    }

    @Test
    void dryRunReportsCountsAndATokenAndCostEstimate() {
        seedPlaceholders();

        Job job = awaitEnd(jobs.start(SummaryRegeneration.KIND, onlyPlaceholders(null), true, "admin key")
                .id());

        assertThat(map(job.counters))
                .containsEntry("summaries", 3)
                .containsEntry("windows", 3)
                .containsEntry("estimated_prompt_tokens", 18 * 60 + 3 * 1500)
                .containsEntry("estimated_completion_tokens", 3 * 400);
        double cost = (18 * 60 + 3 * 1500) / 1e6 * 3.0 + 3 * 400 / 1e6 * 15.0;
        assertThat(((Number) map(job.counters).get("estimated_cost_usd")).doubleValue())
                .isCloseTo(cost, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(list(job.sample)).hasSize(3);
        assertThat(llm.requestCount()).isZero();
        assertThat(sql.value("SELECT count(*) FROM enrichment_summary_revisions"))
                .isEqualTo(0L);
    }

    @Test
    void reportsTheSummariesItCouldNotRegenerateAndKeepsThem() {
        seedPlaceholders();
        llm.willReturn(LlmStubs.error(400, "model not found"));

        Job job = awaitEnd(jobs.start(SummaryRegeneration.KIND, onlyPlaceholders(2), false, "admin key")
                .id());

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(map(job.counters))
                .containsEntry("summaries", 2)
                .containsEntry("failed", 2)
                .containsEntry("retried", 2)
                .containsEntry("regenerated", 0);
        assertThat((List<?>) map(job.result).get("not_regenerated")).hasSize(2);
        assertThat(sql.value(
                        "SELECT count(*) FROM conversation_summaries WHERE summary_text LIKE 'Conversation with %'"))
                .isEqualTo(2L);
        assertThat(sql.value("SELECT count(*) FROM enrichment_summary_revisions"))
                .isEqualTo(0L);
    }

    private static SummaryRegeneration.Parameters onlyPlaceholders(Integer limit) {
        return new SummaryRegeneration.Parameters(null, null, null, null, null, null, null, true, limit);
    }

    private void seedPlaceholders() {
        qdrant.createWhisperEngineCollection(ELENA);
        for (String user : List.of("olga", "piet", "quinn", "rosa")) {
            qdrant.upsert(ELENA, points.conversation(user, DAY.plusHours(9), 6, Duration.ofMinutes(1)));
        }
        summary("olga", placeholder(6), "{marine biology}");
        summary("piet", "Talked a lot.", "{general conversation}");
        summary("quinn", placeholder(6), "{pets}");
        summary("rosa", "A real summary the worker wrote.", "{pets}");
    }

    private void summary(String user, String text, String topics) {
        sql.update("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, summary_type, start_timestamp,
                    end_timestamp, message_count, key_topics, confidence_score, enrichment_version)
                VALUES (?, 'elena', ?, 'time_window', ?, ?, 6, CAST(? AS varchar[]), 0.3, 'v1.0')
                """, user, text, DAY, DAY.plusDays(1), topics);
    }

    private static String placeholder(int messages) {
        return "Conversation with " + messages + " messages between user and Elena. Topics and details discussed.";
    }
}
