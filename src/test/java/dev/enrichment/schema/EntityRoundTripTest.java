package dev.enrichment.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.fact.FactChange;
import dev.enrichment.fact.FactHistoryEntry;
import dev.enrichment.jobs.Job;
import dev.enrichment.jobs.JobStatus;
import dev.enrichment.pipeline.DiscoveryCursor;
import dev.enrichment.summary.ConversationSummary;
import dev.enrichment.summary.SummaryRevision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Each entity written and read back in separate transactions, checked against what the database holds. */
@QuarkusTest
class EntityRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDateTime WINDOW_START = LocalDateTime.parse("2025-10-18T00:00:00");
    private static final LocalDateTime WINDOW_END = LocalDateTime.parse("2025-10-18T23:23:30.655569");

    @Inject
    DataSource dataSource;

    @Test
    void storesNaiveTimestampsAsUtcWallClockWhateverTheJvmZone() throws SQLException {
        TimeZone jvmZone = TimeZone.getDefault();
        Integer id;
        try {
            // a zone that is never UTC: any conversion through it shifts the stored value by hours
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            ConversationSummary summary = summary(unique("tz-user"), "elena");
            id = QuarkusTransaction.requiringNew().call(() -> {
                summary.persist();
                return summary.id;
            });

            ConversationSummary read = QuarkusTransaction.requiringNew().call(() -> ConversationSummary.findById(id));
            assertThat(read.startTimestamp).isEqualTo(WINDOW_START);
            assertThat(read.endTimestamp).isEqualTo(WINDOW_END);
        } finally {
            TimeZone.setDefault(jvmZone);
        }
        assertThat(queryString("""
                SELECT to_char(end_timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.US') FROM conversation_summaries WHERE id = ?""", id)).isEqualTo("2025-10-18T23:23:30.655569");
    }

    @Test
    void roundTripsAConversationSummaryAndItsRevision() throws SQLException {
        ConversationSummary summary = summary(unique("user"), "elena");
        summary.keyTopics = List.of("marine biology", "crème brûlée", "\"quoted\"", "a,b");
        Instant revisedAt = Instant.parse("2025-10-20T08:00:00.123456Z");
        Long revisionId = QuarkusTransaction.requiringNew().call(() -> {
            summary.persist();
            SummaryRevision revision = new SummaryRevision();
            revision.summary = summary;
            revision.summaryText = "An earlier, shorter summary.";
            revision.summaryType = "time_window";
            revision.keyTopics = List.of("marine biology");
            revision.emotionalTone = "neutral";
            revision.compressionRatio = 0.05;
            revision.confidenceScore = 0.6;
            revision.messageCount = 8;
            revision.enrichmentVersion = "v1.0";
            revision.reason = "regenerated";
            revision.revisedAt = revisedAt;
            revision.persist();
            return revision.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            ConversationSummary read = ConversationSummary.findById(summary.id);
            assertThat(read.keyTopics).containsExactly("marine biology", "crème brûlée", "\"quoted\"", "a,b");
            assertThat(read.userId).isEqualTo(summary.userId);
            assertThat(read.summaryType).isEqualTo("time_window");
            assertThat(read.enrichmentVersion).isEqualTo("v1.0");
            assertThat(read.compressionRatio).isEqualTo(0.0873);
            assertThat(read.confidenceScore).isEqualTo(0.8);
            assertThat(read.messageCount).isEqualTo(14);
            assertThat(read.createdAt).isEqualTo(LocalDateTime.parse("2025-10-19T02:31:40.5"));

            SummaryRevision revision = SummaryRevision.findById(revisionId);
            assertThat(revision.summary.id).isEqualTo(summary.id);
            assertThat(revision.keyTopics).containsExactly("marine biology");
            assertThat(revision.revisedAt).isEqualTo(revisedAt);
            assertThat(revision.reason).isEqualTo("regenerated");
        });
        assertThat(queryString(
                        "SELECT array_to_string(key_topics, '|') FROM conversation_summaries WHERE id = ?", summary.id))
                .isEqualTo("marine biology|crème brûlée|\"quoted\"|a,b");
    }

    @Test
    void roundTripsAFactHistoryEntry() throws SQLException {
        Instant recordedAt = Instant.parse("2025-10-19T02:31:44.901233Z");
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            FactHistoryEntry entry = new FactHistoryEntry();
            entry.relationshipId = UUID.randomUUID();
            entry.userId = unique("history-user");
            entry.botName = "elena";
            entry.entityType = "food";
            entry.entityName = "pizza";
            entry.relationshipType = "likes";
            entry.change = FactChange.STRENGTHENED;
            entry.confidenceBefore = 0.7;
            entry.confidenceAfter = 0.85;
            entry.sourceMessageIds =
                    List.of("3f6e2b8c-0a4d-4f39-b0f6-6f8e9b2d1a11", "c0ffee00-1234-4abc-9def-0123456789ab");
            entry.windowStart = Instant.parse("2025-10-18T00:00:00Z");
            entry.windowEnd = Instant.parse("2025-10-19T00:00:00Z");
            entry.recordedAt = recordedAt;
            entry.persist();
            return entry.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            FactHistoryEntry read = FactHistoryEntry.findById(id);
            assertThat(read.change).isEqualTo(FactChange.STRENGTHENED);
            assertThat(read.sourceMessageIds)
                    .containsExactly("3f6e2b8c-0a4d-4f39-b0f6-6f8e9b2d1a11", "c0ffee00-1234-4abc-9def-0123456789ab");
            assertThat(read.recordedAt).isEqualTo(recordedAt);
            assertThat(read.confidenceAfter).isEqualTo(0.85);
        });
        assertThat(queryString("SELECT change FROM enrichment_fact_history WHERE id = ?", id))
                .isEqualTo("strengthened");
    }

    @Test
    void roundTripsADiscoveryCursor() throws SQLException {
        Instant now = Instant.parse("2025-10-27T07:12:44.980001Z");
        String collection = unique("whisperengine_memory_elena");
        QuarkusTransaction.requiringNew().run(() -> {
            DiscoveryCursor cursor = new DiscoveryCursor();
            cursor.collectionName = collection;
            cursor.botName = "elena";
            cursor.cursorAt = now;
            cursor.updatedAt = now;
            cursor.persist();
        });

        QuarkusTransaction.requiringNew().run(() -> {
            DiscoveryCursor cursor = DiscoveryCursor.findById(collection);
            assertThat(cursor.cursorAt).isEqualTo(now);
        });
        assertThat(queryString(
                        "SELECT to_char(cursor_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM enrichment_discovery_cursors WHERE collection_name = ?",
                        collection))
                .isEqualTo("2025-10-27 07:12:44.980001");
    }

    @Test
    void roundTripsAJob() throws SQLException {
        Instant created = Instant.parse("2025-10-27T08:00:00Z");
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Job job = new Job();
            job.kind = "fact-timestamp-backfill";
            job.status = JobStatus.RUNNING;
            job.dryRun = true;
            job.parameters = JSON.valueToTree(Map.of("bot_name", "elena", "limit", 500));
            job.progressDone = 120;
            job.progressTotal = 4000L;
            job.result = JSON.valueToTree(Map.of("would_update", 17));
            job.createdAt = created;
            job.startedAt = created.plusSeconds(1);
            job.updatedAt = created.plusSeconds(2);
            job.persist();
            return job.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            Job read = Job.findById(id);
            assertThat(read.status).isEqualTo(JobStatus.RUNNING);
            assertThat(read.dryRun).isTrue();
            assertThat(read.parameters).isEqualTo(JSON.valueToTree(Map.of("bot_name", "elena", "limit", 500)));
            assertThat(read.result).isEqualTo(JSON.valueToTree(Map.of("would_update", 17)));
            assertThat(read.progressTotal).isEqualTo(4000L);
            assertThat(read.finishedAt).isNull();
        });
        assertThat(queryString(
                        "SELECT status || ' ' || (parameters ->> 'limit') FROM enrichment_jobs WHERE id = ?", id))
                .isEqualTo("running 500");
    }

    private static ConversationSummary summary(String userId, String botName) {
        ConversationSummary summary = new ConversationSummary();
        summary.userId = userId;
        summary.botName = botName;
        summary.summaryText = "The user told Elena they had just moved to Portland.";
        summary.startTimestamp = WINDOW_START;
        summary.endTimestamp = WINDOW_END;
        summary.messageCount = 14;
        summary.keyTopics = List.of("Portland");
        summary.emotionalTone = "neutral";
        summary.compressionRatio = 0.0873;
        summary.confidenceScore = 0.8;
        summary.createdAt = LocalDateTime.parse("2025-10-19T02:31:40.5");
        summary.updatedAt = LocalDateTime.parse("2025-10-19T02:31:40.5");
        return summary;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private String queryString(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next())
                        .as("a row for %s with %s", sql, Arrays.toString(parameters))
                        .isTrue();
                return rs.getString(1);
            }
        }
    }
}
