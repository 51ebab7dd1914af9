package dev.enrichment.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.fact.EntityRelationship;
import dev.enrichment.fact.FactEntity;
import dev.enrichment.fact.UserFactRelationship;
import dev.enrichment.preference.UniversalUser;
import dev.enrichment.summary.ConversationSummary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The application started on an existing WhisperEngine database: its own migrate-at-start ran V1 and V2 there,
 * Hibernate validated the entities against the result, and loading every row through the entities rewrote nothing.
 */
@QuarkusTest
@TestProfile(LegacyDatabaseProfile.class)
class LegacyDatabaseBootTest {

    private static final String REFERENCE = "legacy_whisperengine_reference";

    @Inject
    DataSource dataSource;

    @Test
    void bootsOnAnExistingWhisperEngineDatabaseAndLeavesEveryRowUnchanged() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(single(connection, "SELECT current_database()")).isEqualTo(LegacyDatabaseProfile.DATABASE);
            assertThat(single(connection, "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history"))
                    .isEqualTo("0," + String.join(",", Databases.VERSIONS));
        }
        // load every row through the entities and commit, as a reading service would
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(UniversalUser.<UniversalUser>listAll()).hasSize(4).allSatisfy(user -> assertThat(user.createdAt).isNotNull());
            assertThat(FactEntity.<FactEntity>listAll()).hasSize(11);
            assertThat(UserFactRelationship.<UserFactRelationship>listAll()).hasSize(10)
                    .allSatisfy(fact -> assertThat(fact.entity.entityName).isNotNull());
            assertThat(EntityRelationship.<EntityRelationship>listAll()).hasSize(4);
            assertThat(ConversationSummary.<ConversationSummary>listAll()).hasSize(4);
        });

        // the same files loaded into a database nothing has touched
        Databases.recreateLegacy(REFERENCE);
        SchemaSnapshot reference;
        try (Connection connection = Databases.connect(REFERENCE)) {
            reference = SchemaSnapshot.of(connection);
        }
        try (Connection connection = dataSource.getConnection()) {
            assertThat(reference.sameRowsNow(connection)).isEqualTo(reference.rows());
            SchemaSnapshot migrated = SchemaSnapshot.of(connection);
            assertThat(SchemaSnapshot.sameKeys(reference.columns(), migrated.columns())).isEqualTo(reference.columns());
        }
    }

    @Test
    void readsLegacyRowsThroughTheEntities() {
        QuarkusTransaction.requiringNew().run(() -> {
            UniversalUser mark = UniversalUser.findById("672814231002939413");
            assertThat(mark.preferences).containsKeys("preferred_name", "communication_style");
            @SuppressWarnings("unchecked")
            Map<String, Object> preferredName = (Map<String, Object>) mark.preferences.get("preferred_name");
            assertThat(preferredName).containsEntry("value", "Mark").containsEntry("confidence", 0.95);
            assertThat(mark.lastActive).isEqualTo(LocalDateTime.parse("2025-10-26T21:40:12.558001"));
            assertThat(UniversalUser.<UniversalUser>findById("enrichment_test_1760897370").preferences).isNull();

            ConversationSummary first = ConversationSummary.find("userId = ?1 and botName = ?2", "672814231002939413", "elena")
                    .firstResult();
            assertThat(first.keyTopics).containsExactly("marine biology", "hiking", "Portland");
            assertThat(first.endTimestamp).isEqualTo(LocalDateTime.parse("2025-10-18T23:23:30.655569"));
            ConversationSummary placeholder = ConversationSummary.find("botName", "elena_7d").firstResult();
            assertThat(placeholder.summaryText).startsWith("Conversation with 12 messages");
            assertThat(placeholder.keyTopics).containsExactly("general conversation");

            UserFactRelationship marker = UserFactRelationship.findById(UUID.fromString("5d0c9e7e-1f3b-4b0a-8d55-7c1e00000004"));
            assertThat(marker.relationshipType).isEqualTo("_enrichment_fact_marker");
            assertThat(marker.entity.entityType).isEqualTo("_processing_marker");
            assertThat(marker.contextMetadata).containsEntry("marker_type", "enrichment_fact_progress");
            UserFactRelationship inline = UserFactRelationship.findById(UUID.fromString("5d0c9e7e-1f3b-4b0a-8d55-7c1e00000007"));
            assertThat(inline.contextMetadata).isEmpty();
            assertThat(inline.relatedEntities).isEqualTo(List.of());
        });
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
