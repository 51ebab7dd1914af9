package dev.enrichment.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enrichment.testsupport.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SummaryWriterTest {

    private static final Instant WINDOW_START = Instant.parse("2025-10-18T00:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2025-10-19T00:00:00Z");
    private static final Instant FIRST_WRITE = Instant.parse("2025-10-19T02:31:40.500001Z");
    private static final Instant SECOND_WRITE = Instant.parse("2025-10-19T05:00:00Z");

    @Inject
    SummaryWriter writer;

    @Inject
    DataSource dataSource;

    private Sql sql;
    private String userId;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        userId = "summary-user-" + UUID.randomUUID();
        pinClock(FIRST_WRITE);
    }

    @Test
    void insertsTheWindowsSummaryWithNaiveUtcTimestamps() {
        int id = QuarkusTransaction.requiringNew()
                .call(() -> writer.upsert(draft("First summary.", List.of("Portland")), note("unused")));

        assertThat(sql.value("""
                SELECT count(*) FROM conversation_summaries
                 WHERE id = ? AND user_id = ? AND bot_name = 'elena'
                   AND start_timestamp = '2025-10-18 00:00:00' AND end_timestamp = '2025-10-19 00:00:00'
                   AND created_at = '2025-10-19 02:31:40.500001' AND updated_at = created_at""", id, userId)).isEqualTo(1L);
        Map<String, Object> row = sql.rows("SELECT * FROM conversation_summaries WHERE id = ?", id)
                .get(0);
        assertThat(row)
                .containsEntry("summary_text", "First summary.")
                .containsEntry("summary_type", "time_window")
                .containsEntry("message_count", 14)
                .containsEntry("emotional_tone", "curious")
                .containsEntry("compression_ratio", 0.08)
                .containsEntry("confidence_score", 0.8)
                .containsEntry("enrichment_version", "v2.0");
        assertThat(textArray(row.get("key_topics"))).containsExactly("Portland");
        assertThat(sql.value("SELECT count(*) FROM enrichment_summary_revisions WHERE summary_id = ?", id))
                .isEqualTo(0L);
    }

    @Test
    void replacingASummaryKeepsThePreviousContentInARevisionWithItsProvenance() {
        int id = QuarkusTransaction.requiringNew()
                .call(() -> writer.upsert(draft("First summary.", List.of("Portland", "moving")), null));
        pinClock(SECOND_WRITE);

        int replacedId = QuarkusTransaction.requiringNew()
                .call(() -> writer.upsert(
                        draft("Better summary.", List.of("jobs")),
                        new RevisionNote("window re-analysed", "test/model-a", "summary-v1", "sha256:abc")));

        assertThat(replacedId).isEqualTo(id);
        assertThat(sql.value("SELECT count(*) FROM conversation_summaries WHERE user_id = ?", userId))
                .isEqualTo(1L);
        Map<String, Object> row = sql.rows("""
                SELECT summary_text, key_topics, to_char(created_at, 'YYYY-MM-DD HH24:MI:SS.US') AS created,
                       to_char(updated_at, 'YYYY-MM-DD HH24:MI:SS.US') AS updated
                  FROM conversation_summaries WHERE id = ?""", id).get(0);
        assertThat(row)
                .containsEntry("summary_text", "Better summary.")
                .containsEntry("created", "2025-10-19 02:31:40.500001")
                .containsEntry("updated", "2025-10-19 05:00:00.000000");
        assertThat(textArray(row.get("key_topics"))).containsExactly("jobs");

        List<Map<String, Object>> revisions = sql.rows("""
                SELECT summary_text, key_topics, message_count, emotional_tone, confidence_score, enrichment_version,
                       reason, model, prompt_version, input_hash,
                       to_char(revised_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS revised
                  FROM enrichment_summary_revisions WHERE summary_id = ?""", id);
        assertThat(revisions).hasSize(1);
        Map<String, Object> revision = revisions.get(0);
        assertThat(revision)
                .containsEntry("summary_text", "First summary.")
                .containsEntry("message_count", 14)
                .containsEntry("emotional_tone", "curious")
                .containsEntry("confidence_score", 0.8)
                .containsEntry("enrichment_version", "v2.0")
                .containsEntry("reason", "window re-analysed")
                .containsEntry("model", "test/model-a")
                .containsEntry("prompt_version", "summary-v1")
                .containsEntry("input_hash", "sha256:abc");
        assertThat(textArray(revision.get("key_topics"))).containsExactly("Portland", "moving");
        assertThat(revision).containsEntry("revised", "2025-10-19 05:00:00.000000");
    }

    @Test
    void findsTheSummaryOfExactlyThatWindow() {
        int id = QuarkusTransaction.requiringNew().call(() -> writer.upsert(draft("First summary.", List.of()), null));

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(writer.find(userId, "elena", WINDOW_START, WINDOW_END))
                    .get()
                    .satisfies(summary -> assertThat(summary.id).isEqualTo(id));
            assertThat(writer.find(userId, "marcus", WINDOW_START, WINDOW_END)).isEmpty();
            assertThat(writer.find(userId, "elena", WINDOW_START.plusSeconds(1), WINDOW_END))
                    .isEmpty();
        });
    }

    @Test
    void refusesADraftTheTableCannotHoldAndLeavesTheTransactionUsable() {
        SummaryDraft longTone = new SummaryDraft(
                userId,
                "elena",
                WINDOW_START,
                WINDOW_END,
                "Text.",
                "time_window",
                3,
                List.of(),
                "t".repeat(51),
                0.1,
                0.5,
                "v2.0");

        QuarkusTransaction.requiringNew().run(() -> {
            assertThatThrownBy(() -> writer.upsert(longTone, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("emotional_tone");
            assertThat(writer.upsert(draft("Still fine.", List.of()), null)).isPositive();
        });
        assertThat(sql.value("SELECT summary_text FROM conversation_summaries WHERE user_id = ?", userId))
                .isEqualTo("Still fine.");
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> writer.upsert(draft("No transaction.", List.of()), null))
                .isInstanceOf(TransactionalException.class);
        assertThat(sql.value("SELECT count(*) FROM conversation_summaries WHERE user_id = ?", userId))
                .isEqualTo(0L);
    }

    private SummaryDraft draft(String text, List<String> topics) {
        return new SummaryDraft(
                userId,
                "elena",
                WINDOW_START,
                WINDOW_END,
                text,
                "time_window",
                14,
                topics,
                "curious",
                0.08,
                0.8,
                "v2.0");
    }

    private static RevisionNote note(String reason) {
        return new RevisionNote(reason, null, null, null);
    }

    private static void pinClock(Instant now) {
        QuarkusMock.installMockForType(Clock.fixed(now, ZoneOffset.UTC), Clock.class);
    }

    private static List<Object> textArray(Object value) {
        try {
            return List.of((Object[]) ((Array) value).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
