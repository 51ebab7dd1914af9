package dev.enrichment.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weekly and monthly rollups built by the cycle from two weeks of day summaries: Monday 2025-10-20 to Sunday
 * 2025-11-02 for two users, the cycle running on Monday 2025-11-03 at 01:00 UTC. Both weeks and October have ended;
 * November has not.
 */
@QuarkusTest
@TestProfile(RollupCycleTest.RollupsOn.class)
class RollupCycleTest extends PipelineTestBase {

    /** Rollups are off in the other tests, which count LLM calls per window. */
    public static class RollupsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("enrichment.rollups.enabled", "true");
        }
    }

    static final Instant MONDAY_NOV_3 = Instant.parse("2025-11-03T01:00:00Z");
    static final String COLLECTION = "whisperengine_memory_elena";
    static final String ROLLUP_ANSWER = """
            {"summary": "Over the period the user kept talking with Elena about marine biology and their weekend \
            plans, and sounded upbeat throughout.", "key_topics": ["marine biology", "weekend plans"],
             "emotional_tone": "positive", "confidence": 0.8}""";

    @Inject
    SummaryRegenerator regenerator;

    @BeforeEach
    void twoWeeksLater() {
        clock.set(MONDAY_NOV_3);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("TRUNCATE enrichment_summary_rollups, enrichment_rollup_marks CASCADE")
                        .executeUpdate());
        LlmWireMockResource.server()
                .stubFor(post(urlPathEqualTo(LlmStubs.CHAT_PATH))
                        .atPriority(1)
                        .withRequestBody(containing("summary_rollup"))
                        .willReturn(LlmStubs.completion(ROLLUP_ANSWER, 10, 5)));
    }

    @Test
    void rollsUpEveryCompletedWeekAndMonthWithOneLlmCallEach() {
        seedTwoWeeks();

        CycleOutcome outcome = cycle.run();

        assertThat(outcome.analysed()).isEqualTo(28);
        // 2 users x (2 weeks + October)
        assertThat(outcome.rollupsBuilt()).isEqualTo(6);
        assertThat(outcome.rollupsFailed()).isZero();
        assertThat(rollupCalls()).isEqualTo(6);
        assertThat(llm.requestCount()).isEqualTo(28 + 6);
        assertThat(db.rows("""
                SELECT user_id, granularity, to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                       to_char(period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD'), message_count,
                       cardinality(source_summary_ids), summary_type, array_to_string(source_revisions, ',')
                FROM enrichment_summary_rollups ORDER BY user_id, granularity, period_start"""))
                .containsExactly(
                        List.of(
                                "ana",
                                "month",
                                "2025-10-01",
                                "2025-11-01",
                                72,
                                12,
                                "time_window",
                                "1,1,1,1,1,1,1,1,1,1,1,1"),
                        List.of("ana", "week", "2025-10-20", "2025-10-27", 42, 7, "time_window", "1,1,1,1,1,1,1"),
                        List.of("ana", "week", "2025-10-27", "2025-11-03", 42, 7, "time_window", "1,1,1,1,1,1,1"),
                        List.of(
                                "ben",
                                "month",
                                "2025-10-01",
                                "2025-11-01",
                                72,
                                12,
                                "time_window",
                                "1,1,1,1,1,1,1,1,1,1,1,1"),
                        List.of("ben", "week", "2025-10-20", "2025-10-27", 42, 7, "time_window", "1,1,1,1,1,1,1"),
                        List.of("ben", "week", "2025-10-27", "2025-11-03", 42, 7, "time_window", "1,1,1,1,1,1,1"));
        // the sources are the day summaries of exactly that week
        assertThat(db.count("""
                SELECT count(*) FROM enrichment_summary_rollups r, unnest(r.source_summary_ids) AS s(id)
                JOIN conversation_summaries c ON c.id = s.id
                WHERE r.granularity = 'week' AND (c.start_timestamp < r.period_start AT TIME ZONE 'UTC'
                      OR c.start_timestamp >= r.period_end AT TIME ZONE 'UTC' OR c.user_id <> r.user_id)""")).isZero();
        // November has not ended: its days wait, marked, and nothing in the bots' table changed shape
        assertThat(db.rows("SELECT user_id, granularity FROM enrichment_rollup_marks ORDER BY user_id"))
                .containsExactly(List.of("ana", "month"), List.of("ben", "month"));
        assertThat(summaries()).isEqualTo(28);
    }

    @Test
    void theBotsQueryStillGetsTheLatestDaySummary() {
        seedTwoWeeks();
        cycle.run();

        // WhisperEngine's own query: no type filter, newest start first
        List<List<Object>> latest = db.rows("""
                SELECT summary_text, start_timestamp, end_timestamp, summary_type FROM conversation_summaries
                WHERE user_id = ? AND bot_name = ? ORDER BY start_timestamp DESC LIMIT 1""", "ana", "elena");

        assertThat(latest).hasSize(1);
        assertThat(PipelineFixture.localDateTime(latest.get(0).get(1))).isEqualTo(LocalDateTime.of(2025, 11, 2, 0, 0));
        assertThat(PipelineFixture.localDateTime(latest.get(0).get(2))).isEqualTo(LocalDateTime.of(2025, 11, 3, 0, 0));
        assertThat(latest.get(0).get(0).toString()).startsWith("The user talked with the bot about marine biology");
        assertThat(db.count("SELECT count(*) FROM enrichment_summary_rollups")).isEqualTo(6);
    }

    @Test
    void anIdleCycleMakesNoRollupCallAndNoQdrantRequestForRollups() {
        seedTwoWeeks();
        cycle.run();
        int calls = llm.requestCount();
        PipelineFixture.qdrantDouble().resetCounters();
        clock.advance(Duration.ofMinutes(11));

        CycleOutcome idle = cycle.run();

        assertThat(llm.requestCount()).isEqualTo(calls);
        assertThat(idle.llmCalls()).isZero();
        assertThat(idle.rollupsBuilt() + idle.rollupsFailed()).isZero();
        // listing the collections and one scroll of the one collection: the same as without rollups
        assertThat(idle.qdrantRequests()).isLessThanOrEqualTo(2);
        assertThat(PipelineFixture.qdrantDouble().totalRequests()).isLessThanOrEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM enrichment_summary_rollup_revisions"))
                .isZero();
    }

    @Test
    void rebuildsEachContainingWeekAndMonthExactlyOnceWhenADayIsRegenerated() {
        seedTwoWeeks();
        cycle.run();
        int oct29 = daySummary("ana", LocalDateTime.of(2025, 10, 29, 0, 0));
        assertThat(regenerator.regenerate(oct29)).contains(oct29);
        int before = rollupCalls();

        CycleOutcome next = cycle.run();

        assertThat(next.rollupsBuilt()).isEqualTo(2);
        assertThat(rollupCalls() - before).isEqualTo(2);
        assertThat(db.rows("""
                SELECT r.granularity, to_char(r.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD'), v.reason
                FROM enrichment_summary_rollup_revisions v JOIN enrichment_summary_rollups r ON r.id = v.rollup_id
                ORDER BY r.granularity"""))
                .containsExactly(
                        List.of("month", "2025-10-01", RollupBuilder.REASON),
                        List.of("week", "2025-10-27", RollupBuilder.REASON));
        // provenance: the regenerated day is at its second revision
        assertThat(db.count("""
                SELECT count(*) FROM enrichment_summary_rollups r
                WHERE r.user_id = 'ana' AND r.source_revisions[array_position(r.source_summary_ids, ?)] = 2""", oct29)).isEqualTo(2);

        CycleOutcome after = cycle.run();

        assertThat(after.rollupsBuilt()).isZero();
        assertThat(rollupCalls() - before).isEqualTo(2);
    }

    @Test
    void waitsUntilEveryWindowOfThePeriodHasSettled() {
        seedTwoWeeks();
        cycle.run();
        int oct29 = daySummary("ana", LocalDateTime.of(2025, 10, 29, 0, 0));
        regenerator.regenerate(oct29);
        // late messages re-opened another day of that week and month; it waits for its retry
        db.count("""
                WITH u AS (UPDATE enrichment_windows SET status = 'pending', next_attempt_at = ?
                           WHERE user_id = 'ana' AND window_start = '2025-10-30T00:00:00Z' RETURNING 1)
                SELECT count(*) FROM u""", clock.instant().plus(Duration.ofHours(1)));
        int before = rollupCalls();

        CycleOutcome blocked = cycle.run();

        assertThat(blocked.rollupsBuilt()).isZero();
        assertThat(rollupCalls()).isEqualTo(before);

        clock.advance(Duration.ofHours(2));
        CycleOutcome settled = cycle.run();

        // the re-opened day was analysed again, then its week and month were rebuilt once
        assertThat(settled.analysed()).isEqualTo(1);
        assertThat(settled.rollupsBuilt()).isEqualTo(2);
        assertThat(rollupCalls() - before).isEqualTo(2);
    }

    @Test
    void aFailedRollupIsRetriedOnALaterCycleAndNeverStopsTheOthers() {
        seedTwoWeeks();
        StubMapping monthsFail = LlmWireMockResource.server()
                .stubFor(post(urlPathEqualTo(LlmStubs.CHAT_PATH))
                        .atPriority(0)
                        .withRequestBody(containing("Recap the month"))
                        .willReturn(LlmStubs.serverError(503)));

        CycleOutcome first = cycle.run();

        assertThat(first.rollupsBuilt()).isEqualTo(4);
        assertThat(first.rollupsFailed()).isEqualTo(2);
        // no placeholder: the months are simply not there yet
        assertThat(db.rows("SELECT DISTINCT granularity FROM enrichment_summary_rollups"))
                .containsExactly(List.of("week"));
        assertThat(db.count("""
                SELECT count(*) FROM enrichment_rollup_marks
                WHERE granularity = 'month' AND attempts = 1 AND last_error LIKE '%LLM rollup call failed%'""")).isEqualTo(2);

        LlmWireMockResource.server().removeStub(monthsFail);
        CycleOutcome tooSoon = cycle.run();
        assertThat(tooSoon.rollupsBuilt()).as("backed off like a window").isZero();

        clock.advance(Duration.ofMinutes(6));
        CycleOutcome retried = cycle.run();

        assertThat(retried.rollupsBuilt()).isEqualTo(2);
        assertThat(retried.rollupsFailed()).isZero();
        assertThat(db.count("SELECT count(*) FROM enrichment_summary_rollups")).isEqualTo(6);
        assertThat(db.count("SELECT count(*) FROM enrichment_rollup_marks WHERE period_end <= ?", clock.instant()))
                .isZero();
    }

    /** Two users, one conversation of 6 messages a day from Monday Oct 20 to Sunday Nov 2. */
    private void seedTwoWeeks() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        LocalDateTime first = LocalDateTime.of(2025, 10, 20, 8, 0);
        for (int d = 0; d < 14; d++) {
            for (String user : List.of("ana", "ben")) {
                qdrant.upsert(
                        COLLECTION,
                        bots.conversation(
                                user, first.plusDays(d).plusMinutes(user.length()), 6, Duration.ofMinutes(2)));
            }
        }
    }

    private int rollupCalls() {
        return (int) llm.requestBodies().stream()
                .filter(body -> body.toString().contains("summary_rollup"))
                .count();
    }

    private int daySummary(String user, LocalDateTime start) {
        return (int) db.count(
                "SELECT id FROM conversation_summaries WHERE user_id = ? AND start_timestamp = ?", user, start);
    }
}
