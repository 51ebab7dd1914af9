package dev.enrichment.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.fact.EntityRelationship;
import dev.enrichment.fact.FactChange;
import dev.enrichment.fact.FactEntity;
import dev.enrichment.fact.FactHistoryEntry;
import dev.enrichment.fact.UserFactRelationship;
import dev.enrichment.jobs.Job;
import dev.enrichment.jobs.JobStatus;
import dev.enrichment.pipeline.DiscoveryCursor;
import dev.enrichment.pipeline.WindowStatus;
import dev.enrichment.pipeline.WindowWorkItem;
import dev.enrichment.preference.UniversalUser;
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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
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
                SELECT to_char(end_timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.US') FROM conversation_summaries WHERE id = ?""", id))
                .isEqualTo("2025-10-18T23:23:30.655569");
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
        assertThat(queryString("SELECT array_to_string(key_topics, '|') FROM conversation_summaries WHERE id = ?", summary.id))
                .isEqualTo("marine biology|crème brûlée|\"quoted\"|a,b");
    }

    @Test
    void roundTripsAUserWithJsonbPreferences() throws SQLException {
        String userId = unique("672814231002939413");
        Map<String, Object> preferredName = Map.of(
                "value", "Mark",
                "confidence", 0.95,
                "updated_at", "2025-10-19T02:30:00.123456+00:00",
                "metadata", Map.of("extraction_method", "enrichment_worker", "is_explicit", true, "tags", List.of("a", 1)));
        QuarkusTransaction.requiringNew().run(() -> {
            UniversalUser user = new UniversalUser();
            user.universalId = userId;
            user.primaryUsername = "user_02939413";
            user.displayName = "Zoë 🌿";
            user.createdAt = LocalDateTime.parse("2025-09-02T18:11:05.120331");
            user.lastActive = LocalDateTime.parse("2025-10-26T21:40:12.558001");
            user.preferences = new HashMap<>(Map.of("preferred_name", preferredName));
            user.privacySettings = "{}";
            user.persist();
        });

        QuarkusTransaction.requiringNew().run(() -> {
            UniversalUser read = UniversalUser.findById(userId);
            assertThat(read.preferences).isEqualTo(Map.of("preferred_name", preferredName));
            assertThat(read.displayName).isEqualTo("Zoë 🌿");
            assertThat(read.createdAt).isEqualTo(LocalDateTime.parse("2025-09-02T18:11:05.120331"));
        });
        assertThat(queryString("SELECT preferences -> 'preferred_name' ->> 'value' FROM universal_users WHERE universal_id = ?",
                userId)).isEqualTo("Mark");
        assertThat(queryString("SELECT jsonb_typeof(preferences -> 'preferred_name' -> 'confidence') FROM universal_users WHERE universal_id = ?",
                userId)).isEqualTo("number");
    }

    @Test
    void roundTripsFactsTheirEntitiesAndEdges() throws SQLException {
        String userId = unique("fact-user");
        Map<String, Object> metadata = Map.of(
                "confirmation_count", 1,
                "related_facts", List.of(),
                "reasoning", "said so",
                "latest_message_timestamp", "2025-10-18T23:23:30.655569",
                "multi_message_confirmed", false,
                "bot_name", "elena");
        UUID[] ids = QuarkusTransaction.requiringNew().call(() -> {
            UniversalUser user = new UniversalUser();
            user.universalId = userId;
            user.primaryUsername = "user_x";
            user.createdAt = WINDOW_START;
            user.lastActive = WINDOW_END;
            user.persist();

            FactEntity hiking = entity("hobby", unique("hiking"), Map.of("tags", List.of("outdoors"), "extraction_method", "enrichment_worker"));
            FactEntity running = entity("hobby", unique("trail running"), Map.of());
            hiking.persist();
            running.persist();

            UserFactRelationship fact = new UserFactRelationship();
            fact.userId = userId;
            fact.entity = hiking;
            fact.relationshipType = "enjoys";
            fact.confidence = 0.9;
            fact.strength = 0.5;
            fact.emotionalContext = "neutral";
            fact.contextMetadata = new HashMap<>(metadata);
            fact.mentionedByCharacter = "elena";
            fact.sourcePlatform = "discord";
            fact.relatedEntities = List.of(Map.of("entity_id", running.id.toString(), "relation", "similar_to", "weight", 0.45));
            fact.createdAt = WINDOW_END;
            fact.updatedAt = WINDOW_END;
            fact.persist();

            EntityRelationship edge = new EntityRelationship();
            edge.fromEntity = hiking;
            edge.toEntity = running;
            edge.relationshipType = "similar_to";
            edge.weight = 0.45;
            edge.bidirectional = true;
            edge.metadata = Map.of();
            edge.createdAt = WINDOW_END;
            edge.persist();
            return new UUID[] {hiking.id, running.id, fact.id, edge.id};
        });

        QuarkusTransaction.requiringNew().run(() -> {
            FactEntity hiking = FactEntity.findById(ids[0]);
            assertThat(hiking.attributes).isEqualTo(Map.of("tags", List.of("outdoors"), "extraction_method", "enrichment_worker"));
            assertThat(hiking.createdAt).isEqualTo(WINDOW_START);

            UserFactRelationship fact = UserFactRelationship.findById(ids[2]);
            assertThat(fact.entity.id).isEqualTo(ids[0]);
            assertThat(fact.contextMetadata).isEqualTo(metadata);
            assertThat(fact.relatedEntities)
                    .containsExactly(Map.of("entity_id", ids[1].toString(), "relation", "similar_to", "weight", 0.45));
            assertThat(fact.confidence).isEqualTo(0.9);

            EntityRelationship edge = EntityRelationship.findById(ids[3]);
            assertThat(edge.fromEntity.id).isEqualTo(ids[0]);
            assertThat(edge.toEntity.id).isEqualTo(ids[1]);
            assertThat(edge.bidirectional).isTrue();
            assertThat(edge.metadata).isEmpty();
        });
        // the generated column the entity does not map is filled by the database
        assertThat(queryString("SELECT search_vector::text FROM fact_entities WHERE id = ?", ids[0])).contains("outdoor");
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
            entry.sourceMessageIds = List.of("3f6e2b8c-0a4d-4f39-b0f6-6f8e9b2d1a11", "c0ffee00-1234-4abc-9def-0123456789ab");
            entry.windowStart = Instant.parse("2025-10-18T00:00:00Z");
            entry.windowEnd = Instant.parse("2025-10-19T00:00:00Z");
            entry.recordedAt = recordedAt;
            entry.persist();
            return entry.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            FactHistoryEntry read = FactHistoryEntry.findById(id);
            assertThat(read.change).isEqualTo(FactChange.STRENGTHENED);
            assertThat(read.sourceMessageIds).containsExactly("3f6e2b8c-0a4d-4f39-b0f6-6f8e9b2d1a11", "c0ffee00-1234-4abc-9def-0123456789ab");
            assertThat(read.recordedAt).isEqualTo(recordedAt);
            assertThat(read.confidenceAfter).isEqualTo(0.85);
        });
        assertThat(queryString("SELECT change FROM enrichment_fact_history WHERE id = ?", id)).isEqualTo("strengthened");
    }

    @Test
    void roundTripsPipelineState() throws SQLException {
        Instant now = Instant.parse("2025-10-27T07:12:44.980001Z");
        String collection = unique("whisperengine_memory_elena");
        Integer summaryId = QuarkusTransaction.requiringNew().call(() -> {
            ConversationSummary summary = summary(unique("window-user"), "elena");
            summary.persist();
            return summary.id;
        });
        Long windowId = QuarkusTransaction.requiringNew().call(() -> {
            DiscoveryCursor cursor = new DiscoveryCursor();
            cursor.collectionName = collection;
            cursor.botName = "elena";
            cursor.cursorAt = now;
            cursor.updatedAt = now;
            cursor.persist();

            WindowWorkItem window = new WindowWorkItem();
            window.botName = "elena";
            window.userId = unique("window-user");
            window.windowStart = Instant.parse("2025-10-27T00:00:00Z");
            window.windowEnd = Instant.parse("2025-10-28T00:00:00Z");
            window.status = WindowStatus.PROCESSING;
            window.newestMessageAt = now;
            window.attempts = 2;
            window.lastError = "LLM timeout";
            window.leaseOwner = "worker-1";
            window.leaseExpiresAt = now.plus(5, ChronoUnit.MINUTES);
            window.nextAttemptAt = now;
            window.summaryId = summaryId;
            window.createdAt = now;
            window.updatedAt = now;
            window.persist();
            return window.id;
        });

        QuarkusTransaction.requiringNew().run(() -> {
            DiscoveryCursor cursor = DiscoveryCursor.findById(collection);
            assertThat(cursor.cursorAt).isEqualTo(now);
            WindowWorkItem window = WindowWorkItem.findById(windowId);
            assertThat(window.status).isEqualTo(WindowStatus.PROCESSING);
            assertThat(window.attempts).isEqualTo(2);
            assertThat(window.leaseExpiresAt).isEqualTo(now.plus(5, ChronoUnit.MINUTES));
            assertThat(window.summaryId).isEqualTo(summaryId);
        });
        assertThat(queryString("SELECT status FROM enrichment_windows WHERE id = ?", windowId)).isEqualTo("processing");
        assertThat(queryString("SELECT to_char(cursor_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM enrichment_discovery_cursors WHERE collection_name = ?",
                collection)).isEqualTo("2025-10-27 07:12:44.980001");
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
        assertThat(queryString("SELECT status || ' ' || (parameters ->> 'limit') FROM enrichment_jobs WHERE id = ?", id))
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

    private static FactEntity entity(String type, String name, Map<String, Object> attributes) {
        FactEntity entity = new FactEntity();
        entity.entityType = type;
        entity.entityName = name;
        entity.category = type;
        entity.attributes = attributes;
        entity.createdAt = WINDOW_START;
        entity.updatedAt = WINDOW_START;
        return entity;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private String queryString(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("a row for %s with %s", sql, Arrays.toString(parameters)).isTrue();
                return rs.getString(1);
            }
        }
    }
}
