package dev.enrichment.schema;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(single(
                            connection,
                            "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history"))
                    .isEqualTo("0," + String.join(",", Databases.VERSIONS));
        }
        // load every row through the entities and commit, as a reading service would
        QuarkusTransaction.requiringNew().run(() -> {
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
            assertThat(SchemaSnapshot.sameKeys(reference.columns(), migrated.columns()))
                    .isEqualTo(reference.columns());
        }
    }

    @Test
    void readsLegacySummariesThroughTheEntity() {
        QuarkusTransaction.requiringNew().run(() -> {
            ConversationSummary first = ConversationSummary.find(
                            "userId = ?1 and botName = ?2", "672814231002939413", "elena")
                    .firstResult();
            assertThat(first.keyTopics).containsExactly("marine biology", "hiking", "Portland");
            assertThat(first.endTimestamp).isEqualTo(LocalDateTime.parse("2025-10-18T23:23:30.655569"));
            ConversationSummary placeholder =
                    ConversationSummary.find("botName", "elena_7d").firstResult();
            assertThat(placeholder.summaryText).startsWith("Conversation with 12 messages");
            assertThat(placeholder.keyTopics).containsExactly("general conversation");
        });
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
