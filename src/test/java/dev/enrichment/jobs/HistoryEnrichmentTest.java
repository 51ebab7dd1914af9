package dev.enrichment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.enrichment.testsupport.llm.AnalysisEcho;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryEnrichmentTest extends JobsTestBase {

    private static final String ELENA = "whisperengine_memory_elena";
    private static final LocalDateTime TODAY =
            LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).toLocalDate().atStartOfDay();

    @Test
    void dryRunReportsWindowsMessagesTokensAndCostPerPhaseAndMarksNothing() {
        seed();

        Job job = awaitEnd(jobs.start(HistoryEnrichment.KIND, parameters(null), true, "admin key")
                .id());

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        Map<String, Object> counters = map(job.counters);
        assertThat(counters).containsEntry("windows", 9).containsEntry("messages", 54);
        List<Map<String, Object>> phases = list(job.counters.get("phases"));
        assertThat(phases).extracting(p -> p.get("phase")).containsExactly("0-30d", "30-90d", "90d+");
        assertThat(phases).extracting(p -> p.get("windows")).containsExactly(3, 4, 2);
        assertThat(phases.get(0)).containsEntry("windows_already_known", 1).containsEntry("windows_too_small", 1);
        assertThat(phases)
                .allSatisfy(p -> assertThat(((Number) p.get("estimated_prompt_tokens")).longValue())
                        .isPositive());
        assertThat(((Number) counters.get("estimated_cost_usd")).doubleValue()).isPositive();
        assertThat(list(job.sample)).hasSize(9);
        assertThat(llm.requestCount()).isZero();
        assertThat(sql.value("SELECT count(*) FROM enrichment_windows")).isEqualTo(1L);
    }

    @Test
    void liveRunAnalysesEachWindowOnceNewestPhaseFirstInBatches() {
        seed();
        llm.willReturn(AnalysisEcho.answers());

        Job job = awaitEnd(jobs.start(HistoryEnrichment.KIND, parameters(null), false, "admin key")
                .id());

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(map(job.result)).containsEntry("analysed", 9).containsEntry("budget_reached", false);
        assertThat(sql.rows("SELECT user_id, summary_text, start_timestamp FROM conversation_summaries"))
                .hasSize(9)
                .allSatisfy(row -> assertThat((String) row.get("summary_text"))
                        .contains(row.get("start_timestamp").toString().substring(0, 10)));
        // Distinct bodies: a transport retry on a loaded machine resends the same one.
        List<com.fasterxml.jackson.databind.JsonNode> calls =
                llm.requestBodies().stream().distinct().toList();
        assertThat(calls)
                .as("one call per user and phase, the lone windows alone: fewer calls than windows")
                .hasSize(6);
        String firstPrompt = calls.get(0).at("/messages/1/content").asText();
        assertThat(firstPrompt).contains(TODAY.minusDays(2).toLocalDate().toString());
        String lastPrompt = calls.get(5).at("/messages/1/content").asText();
        assertThat(lastPrompt)
                .as("the oldest phase last, its newest window first")
                .contains(TODAY.minusDays(150).toLocalDate().toString());
        assertThat(calls.get(4).at("/messages/1/content").asText())
                .contains(TODAY.minusDays(120).toLocalDate().toString());
        assertThat(sql.value("SELECT count(*) FROM enrichment_windows WHERE history_job IS NOT NULL"))
                .isEqualTo(0L);
        assertThat(sql.value(
                        "SELECT status FROM enrichment_windows WHERE user_id = 'olga' AND window_start = ?",
                        TODAY.minusDays(10).toInstant(ZoneOffset.UTC).atOffset(ZoneOffset.UTC)))
                .as("the window the worker already had is not analysed again")
                .isEqualTo("done");
        assertThat(sql.value("SELECT count(*) FROM enrichment_windows WHERE status = 'done'"))
                .isEqualTo(10L);
    }

    @Test
    void dryRunEstimateIsWithinFifteenPercentOfTheTokensTheLiveRunUsed() {
        seed();
        llm.willReturn(AnalysisEcho.answers());

        Job dry = awaitEnd(jobs.start(HistoryEnrichment.KIND, parameters(null), true, "admin key")
                .id());
        Job live = awaitEnd(jobs.start(HistoryEnrichment.KIND, parameters(null), false, "admin key")
                .id());

        Map<String, Object> estimate = map(dry.result);
        Map<String, Object> spent = map(live.result);
        long estimated = ((Number) estimate.get("estimated_prompt_tokens")).longValue();
        long used = ((Number) spent.get("prompt_tokens")).longValue();
        assertThat((double) estimated).isCloseTo(used, Percentage.withPercentage(15));
        List<Map<String, Object>> phases = list(live.result.get("phases"));
        assertThat(phases)
                .allSatisfy(p -> assertThat(((Number) p.get("estimated_prompt_tokens")).doubleValue())
                        .isCloseTo(((Number) p.get("prompt_tokens")).doubleValue(), Percentage.withPercentage(15)));
    }

    @Test
    void stopsWhenTheTokenBudgetIsSpentAndUnmarksWhatItDidNotAnalyse() {
        seed();
        llm.willReturn(AnalysisEcho.answers());

        Job job = awaitEnd(jobs.start(HistoryEnrichment.KIND, parameters(1L), false, "admin key")
                .id());

        assertThat(job.status).isEqualTo(JobStatus.SUCCEEDED);
        Map<String, Object> result = map(job.result);
        assertThat(result).containsEntry("budget_reached", true);
        long analysed = ((Number) result.get("analysed")).longValue();
        assertThat(analysed).isBetween(1L, 2L);
        assertThat(llm.requestBodies().stream().distinct()).hasSize(1);
        assertThat(sql.value("SELECT count(*) FROM conversation_summaries")).isEqualTo(analysed);
        assertThat(sql.value("SELECT count(*) FROM enrichment_windows"))
                .as("the known window and those analysed")
                .isEqualTo(1 + analysed);
    }

    @Test
    void theEndpointStartsADryRunByDefaultAndRejectsBadBodies() {
        String path = "/api/v1/admin/jobs/history-enrichment";
        admin().body("{\"bots\": [\"elena\\u0000\"]}").post(path).then().statusCode(400);
        admin().body("{\"from\": \"2025-10-01T00:00:00Z\", \"to\": \"2025-09-01T00:00:00Z\"}")
                .post(path)
                .then()
                .statusCode(400);
        admin().body("{\"calls_per_minute\": 0}").post(path).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401);
        admin().body("{\"bots\": [\"Elena\"]}")
                .post(path)
                .then()
                .statusCode(202)
                .body("kind", equalTo(HistoryEnrichment.KIND))
                .body("dry_run", equalTo(true))
                .body("parameters.bots[0]", equalTo("elena"));
    }

    private io.restassured.specification.RequestSpecification admin() {
        return given().header("X-API-Key", "test-admin-key").contentType(ContentType.JSON);
    }

    private static HistoryEnrichment.Parameters parameters(Long tokenBudget) {
        return new HistoryEnrichment.Parameters(
                NOW.minus(Duration.ofDays(200)), NOW, null, null, List.of(30, 90), tokenBudget, 10_000, 8);
    }

    /**
     * Two users over 200 days: 9 windows to analyse in three phases (0-30, 30-90, older), one the worker already has
     * and one too small to summarise.
     */
    private void seed() {
        qdrant.createWhisperEngineCollection(ELENA);
        conversation("olga", 2, 6);
        conversation("piet", 2, 6);
        conversation("piet", 10, 6);
        conversation("olga", 10, 6);
        conversation("olga", 12, 3);
        conversation("olga", 40, 6);
        conversation("olga", 45, 6);
        conversation("piet", 50, 6);
        conversation("piet", 60, 6);
        conversation("olga", 120, 6);
        conversation("piet", 150, 6);
        sql.update(
                """
                INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status, attempts,
                    marked_count, created_at, updated_at)
                VALUES ('elena', 'olga', ?, ?, 'done', 0, 1, now(), now())
                """,
                TODAY.minusDays(10).toInstant(ZoneOffset.UTC).atOffset(ZoneOffset.UTC),
                TODAY.minusDays(9).toInstant(ZoneOffset.UTC).atOffset(ZoneOffset.UTC));
    }

    private void conversation(String user, int daysAgo, int messages) {
        qdrant.upsert(
                ELENA,
                points.conversation(user, TODAY.minusDays(daysAgo).plusHours(9), messages, Duration.ofMinutes(3)));
    }
}
