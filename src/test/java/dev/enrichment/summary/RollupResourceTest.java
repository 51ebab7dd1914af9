package dev.enrichment.summary;

import static dev.enrichment.summary.SummaryResourceTest.asBot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.enrichment.testsupport.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rollups through the summaries API and the public reader; the rows are written by {@link RollupWriter}. */
@QuarkusTest
class RollupResourceTest {

    private static final Instant OCT_13 = Instant.parse("2025-10-13T00:00:00Z");
    private static final Instant OCT_20 = Instant.parse("2025-10-20T00:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    RollupWriter writer;

    @Inject
    RollupReader reader;

    private Sql sql;
    private String bot;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        bot = "rollbot-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void listsWeeklyRollupsInTheDayShapeWithGranularityAndSources() {
        int monday = day("ana", LocalDateTime.of(2025, 10, 13, 0, 0));
        int tuesday = day("ana", LocalDateTime.of(2025, 10, 14, 0, 0));
        int older = write("ana", week(Instant.parse("2025-10-06T00:00:00Z")), List.of(new SummarySource(monday, 1)));
        int newer = write("ana", week(OCT_13), List.of(new SummarySource(monday, 1), new SummarySource(tuesday, 2)));

        asBot().queryParam("bot", bot)
                .queryParam("granularity", "week")
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(newer, older))
                .body("items[0].granularity", equalTo("week"))
                .body("items[0].bot", equalTo(bot))
                .body("items[0].user_id", equalTo("ana"))
                .body("items[0].summary", equalTo("Rollup of ana from " + OCT_13))
                .body("items[0].summary_type", equalTo("time_window"))
                .body("items[0].start", equalTo("2025-10-13T00:00:00Z"))
                .body("items[0].end", equalTo("2025-10-20T00:00:00Z"))
                .body("items[0].message_count", equalTo(24))
                .body("items[0].key_topics", contains("fishing", "boats"))
                .body("items[0].emotional_tone", equalTo("positive"))
                .body("items[0].compression_ratio", nullValue())
                .body("items[0].confidence", equalTo(0.8f))
                .body("items[0].sources.summary_id", contains(monday, tuesday))
                .body("items[0].sources.revision", contains(1, 2))
                .body("next_cursor", nullValue());
    }

    @Test
    void theDefaultListingIsUnchangedDaySummaries() {
        int monday = day("ana", LocalDateTime.of(2025, 10, 13, 0, 0));
        write("ana", week(OCT_13), List.of(new SummarySource(monday, 1)));

        asBot().queryParam("bot", bot)
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(monday))
                .body("items[0].granularity", equalTo("day"))
                .body("items[0].sources", nullValue());
        asBot().queryParam("bot", bot)
                .queryParam("granularity", "day")
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(monday));
    }

    @Test
    void filtersAndPagesRollupsLikeDaySummaries() {
        int monday = day("ana", LocalDateTime.of(2025, 10, 13, 0, 0));
        List<SummarySource> sources = List.of(new SummarySource(monday, 1));
        int month = write("ana", Granularity.MONTH.periodContaining(OCT_13, DayOfWeek.MONDAY), sources);
        int w1 = write("ana", week(Instant.parse("2025-09-29T00:00:00Z")), sources);
        int w2 = write("ana", week(Instant.parse("2025-10-06T00:00:00Z")), sources);
        int w3 = write("ana", week(OCT_13), sources);
        write("ben", week(OCT_13), sources);

        asBot().queryParam("bot", bot)
                .queryParam("granularity", "month")
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(month))
                .body("items[0].granularity", equalTo("month"));
        String next = asBot().queryParam("bot", bot)
                .queryParam("user_id", "ana")
                .queryParam("granularity", "week")
                .queryParam("limit", 2)
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(w3, w2))
                .extract()
                .path("next_cursor");
        asBot().queryParam("bot", bot)
                .queryParam("user_id", "ana")
                .queryParam("granularity", "week")
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(w1))
                .body("next_cursor", nullValue());
        // weeks overlapping Oct 10-11: only the one from Oct 6
        asBot().queryParam("bot", bot)
                .queryParam("user_id", "ana")
                .queryParam("granularity", "week")
                .queryParam("from", "2025-10-10")
                .queryParam("to", "2025-10-11")
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(w2));
        asBot().queryParam("bot", bot)
                .queryParam("granularity", "week")
                .queryParam("summary_type", "extractive")
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void refusesAnUnknownGranularityNamingIt() {
        asBot().queryParam("granularity", "weekly")
                .get("/api/v1/summaries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo("granularity"))
                .body("fields[0].message", equalTo("must be one of day, week, month"))
                .body("detail", equalTo("granularity: must be one of day, week, month"));
    }

    @Test
    void theReaderReturnsRollupsOverlappingARangeOldestFirst() {
        int monday = day("ana", LocalDateTime.of(2025, 10, 13, 0, 0));
        List<SummarySource> sources = List.of(new SummarySource(monday, 1));
        int w2 = write("ana", week(Instant.parse("2025-10-06T00:00:00Z")), sources);
        int w3 = write("ana", week(OCT_13), sources);
        write("ana", week(OCT_20), sources);

        List<SummaryView> weeks = reader.overlapping(
                bot,
                "ana",
                Instant.parse("2025-10-12T00:00:00Z"),
                Instant.parse("2025-10-15T00:00:00Z"),
                Granularity.WEEK);
        List<SummaryView> days = reader.overlapping(bot, "ana", OCT_13, OCT_20, Granularity.DAY);

        assertThat(weeks).extracting(SummaryView::id).containsExactly(w2, w3);
        assertThat(weeks.get(1).sources()).containsExactly(new SummarySource(monday, 1));
        assertThat(days).extracting(SummaryView::id).containsExactly(monday);
        assertThat(days.get(0).granularity()).isEqualTo("day");
    }

    @Test
    void aRebuildKeepsThePreviousContentAsARevision() {
        int monday = day("ana", LocalDateTime.of(2025, 10, 13, 0, 0));
        int id = write("ana", week(OCT_13), List.of(new SummarySource(monday, 1)));
        int again = QuarkusTransaction.requiringNew()
                .call(() -> writer.upsert(
                        new RollupDraft(
                                bot,
                                "ana",
                                week(OCT_13),
                                "A better rollup of the week.",
                                "time_window",
                                30,
                                List.of("boats"),
                                "mixed",
                                0.7,
                                "0.1.0",
                                "test/model",
                                "rollup-v1",
                                List.of(new SummarySource(monday, 2)),
                                "sha256:new"),
                        "rebuilt"));

        assertThat(again).isEqualTo(id);
        assertThat(sql.rows(
                        "SELECT summary_text, reason, source_revisions::text AS revisions "
                                + "FROM enrichment_summary_rollup_revisions WHERE rollup_id = ?",
                        id))
                .containsExactly(java.util.Map.of(
                        "summary_text", "Rollup of ana from " + OCT_13, "reason", "rebuilt", "revisions", "{1}"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> writer.fingerprint(bot, "ana", week(OCT_13))))
                .contains("sha256:new");
    }

    private static RollupPeriod week(Instant start) {
        return Granularity.WEEK.periodContaining(start, DayOfWeek.MONDAY);
    }

    private int write(String user, RollupPeriod period, List<SummarySource> sources) {
        return QuarkusTransaction.requiringNew()
                .call(() -> writer.upsert(
                        new RollupDraft(
                                bot,
                                user,
                                period,
                                "Rollup of " + user + " from " + period.start(),
                                "time_window",
                                24,
                                List.of("fishing", "boats"),
                                "positive",
                                0.8,
                                "0.1.0",
                                "test/model",
                                "rollup-v1",
                                sources,
                                "sha256:" + period.start()),
                        null));
    }

    private int day(String user, LocalDateTime start) {
        return ((Number) sql.value("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, summary_type, start_timestamp,
                    end_timestamp, message_count, key_topics, emotional_tone, compression_ratio, confidence_score,
                    enrichment_version, created_at, updated_at)
                VALUES (?, ?, 'A day.', 'time_window', ?, ?, 12, '{fishing}', 'positive', 0.1, 0.9, '0.1.0',
                        '2025-10-19 02:31:40', '2025-10-19 03:00:00')
                RETURNING id""", user, bot, start, start.plusDays(1))).intValue();
    }
}
