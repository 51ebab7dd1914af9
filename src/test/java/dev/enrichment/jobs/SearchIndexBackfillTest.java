package dev.enrichment.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Existing summaries, the old worker's included, are put into the search index's outbox, once each. */
@QuarkusTest
class SearchIndexBackfillTest extends JobsTestBase {

    @Test
    void aDryRunCountsAndALiveRunEnqueuesEverySummaryOfTheChosenBots() {
        sql.update("DELETE FROM enrichment_search_outbox");
        sql.update("DELETE FROM enrichment_summary_rollups");
        for (int day = 1; day <= 3; day++) {
            summary("elena", LocalDateTime.of(2025, 10, day, 0, 0));
        }
        summary("marcus", LocalDateTime.of(2025, 10, 1, 0, 0));
        sql.update("""
                INSERT INTO enrichment_summary_rollups (bot_name, user_id, granularity, period_start, period_end,
                    summary_text, summary_type, message_count, enrichment_version, source_summary_ids,
                    source_revisions, source_fingerprint)
                VALUES ('elena', 'u1', 'week', timestamptz '2025-09-29', timestamptz '2025-10-06', 'A week.',
                        'weekly_rollup', 30, '1', '{}', '{}', 'x')""");
        SearchIndexBackfill.Parameters elena = new SearchIndexBackfill.Parameters(List.of("elena"));

        Job dry = awaitEnd(
                jobs.start(SearchIndexBackfill.KIND, elena, true, "admin key").id());

        assertThat(dry.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(map(dry.result)).containsEntry("enqueued", 0);
        assertThat(map(dry.result).get("found").toString()).contains("day=3", "week=1", "month=0");
        assertThat(outbox()).isZero();

        Job live = awaitEnd(
                jobs.start(SearchIndexBackfill.KIND, elena, false, "admin key").id());
        Job again = awaitEnd(
                jobs.start(SearchIndexBackfill.KIND, elena, false, "admin key").id());

        assertThat(live.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(map(live.result)).containsEntry("enqueued", 4);
        assertThat(again.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(outbox()).as("4 summaries of elena, each once").isEqualTo(4);
        assertThat(sql.value("SELECT count(*) FROM enrichment_search_outbox WHERE kind = 'week'"))
                .isEqualTo(1L);
    }

    private long outbox() {
        return (Long) sql.value("SELECT count(*) FROM enrichment_search_outbox");
    }

    private void summary(String bot, LocalDateTime start) {
        sql.update("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, start_timestamp, end_timestamp,
                    message_count, key_topics, confidence_score)
                VALUES ('u1', ?, 'A summary.', ?, ?, 6, ARRAY['talk']::varchar[], 0.9)""", bot, start, start.plusDays(1));
    }
}
