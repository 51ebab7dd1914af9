package dev.enrichment.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.enrichment.testsupport.LogCapture;
import dev.enrichment.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** V1 and V2 on an existing WhisperEngine database that has tables and rows but no Flyway history. */
class LegacyDatabaseMigrationTest {

    private static final String DATABASE = "legacy_whisperengine";

    @Test
    void migratesExistingWhisperEngineDatabaseWithoutTouchingRows() throws SQLException {
        Databases.recreateLegacy(DATABASE);
        SchemaSnapshot before = snapshot();

        MigrateResult result = Databases.migrate(DATABASE);

        assertThat(result.migrationsExecuted).isEqualTo(Databases.VERSIONS.size());
        try (Connection connection = Databases.connect(DATABASE)) {
            assertThat(before.sameRowsNow(connection)).isEqualTo(before.rows());
            assertThat(SchemaSnapshot.of(connection).tableNames())
                    .contains(
                            "enrichment_discovery_cursors",
                            "enrichment_windows",
                            "enrichment_summary_revisions",
                            "enrichment_fact_history",
                            "enrichment_jobs",
                            "enrichment_processing_log");
            assertThat(history(connection))
                    .containsExactlyElementsOf(java.util.stream.Stream.concat(
                                    java.util.stream.Stream.of("0 BASELINE"),
                                    Databases.VERSIONS.stream().map(v -> v + " SQL"))
                            .toList());
        }
        assertThat(before.rows().get("user_fact_relationships")).hasSize(10);
        assertThat(before.rows().get("conversation_summaries")).hasSize(4);
    }

    @Test
    void neverNarrowsOrRedefinesExistingColumnsIndexesConstraintsOrTriggers() throws SQLException {
        Databases.recreateLegacy(DATABASE);
        SchemaSnapshot before = snapshot();

        Databases.migrate(DATABASE);

        SchemaSnapshot after = snapshot();
        assertThat(SchemaSnapshot.sameKeys(before.columns(), after.columns())).isEqualTo(before.columns());
        assertThat(SchemaSnapshot.sameKeys(before.indexes(), after.indexes())).isEqualTo(before.indexes());
        assertThat(SchemaSnapshot.sameKeys(before.constraints(), after.constraints()))
                .isEqualTo(before.constraints());
        assertThat(after.triggers()).isEqualTo(before.triggers());
        // their update_updated_at_column() (and pg_trgm's functions) are neither replaced nor added to
        assertThat(after.functions()).isEqualTo(before.functions());
        // every WhisperEngine index already existed: the only new ones belong to our own tables
        assertThat(after.indexes().keySet())
                .filteredOn(name -> !before.indexes().containsKey(name))
                .isNotEmpty()
                .allMatch(name -> name.matches("(idx_|uq_)?enrichment_.*|flyway_schema_history.*"));
    }

    @Test
    void secondMigrationIsANoOp() throws SQLException {
        Databases.recreateLegacy(DATABASE);
        Databases.migrate(DATABASE);
        SchemaSnapshot afterFirst = snapshot();

        MigrateResult second = Databases.migrate(DATABASE);

        assertThat(second.migrationsExecuted).isZero();
        assertThat(snapshot()).isEqualTo(afterFirst);
    }

    @Test
    void convertsTextPreferencesToJsonbWhenEveryValueIsAJsonObjectOrBlank() throws SQLException {
        Databases.recreateLegacy(DATABASE, "legacy/whisperengine-preferences-text.sql");
        SchemaSnapshot before = snapshot();
        assertThat(before.columns().get("universal_users.preferences")).startsWith("text");
        Map<String, String> textPreferences = preferencesAsJsonb();

        Databases.migrate(DATABASE);

        SchemaSnapshot after = snapshot();
        assertThat(after.columns().get("universal_users.preferences"))
                .startsWith("jsonb")
                .contains("'{}'::jsonb");
        assertThat(preferencesAsJsonb()).isEqualTo(textPreferences);
        assertThat(textPreferences)
                .containsEntry("text_prefs_empty", "{}")
                .containsEntry("text_prefs_blank", "{}")
                .containsEntry("text_prefs_default", "{}")
                .containsEntry("enrichment_test_1760897370", null);
        assertThat(after.indexes()).containsKey("idx_universal_users_preferences_gin");
        // apart from that one column, nothing else changed
        Map<String, String> otherColumns = new LinkedHashMap<>(before.columns());
        otherColumns.remove("universal_users.preferences");
        assertThat(SchemaSnapshot.sameKeys(otherColumns, after.columns())).isEqualTo(otherColumns);
        try (Connection connection = Databases.connect(DATABASE)) {
            Map<String, List<String>> rowsNow = before.sameRowsNow(connection);
            Map<String, List<String>> rowsBefore = new LinkedHashMap<>(before.rows());
            rowsBefore.remove("universal_users");
            rowsNow.remove("universal_users");
            assertThat(rowsNow).isEqualTo(rowsBefore);
        }
    }

    @Test
    void refusesToConvertTextPreferencesThatAreNotJsonObjects() throws SQLException {
        Databases.recreateLegacy(DATABASE, "legacy/whisperengine-preferences-text.sql");
        Databases.execute(DATABASE, """
                INSERT INTO universal_users (universal_id, primary_username, preferences)
                VALUES ('broken_prefs_user', 'user_fs_user', '{"preferred_name": "Mark"'),
                       ('array_prefs_user', 'user_fs_user', '["likes pizza"]')""");
        SchemaSnapshot before = snapshot();

        // Flyway logs the failed migration at ERROR before it throws; that is what this test provokes
        try (LogCapture flyway = LogCapture.expecting("org.flywaydb.core.internal.command.DbMigrate", "failed")) {
            assertThatThrownBy(() -> Databases.migrate(DATABASE))
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("universal_users.preferences")
                    .hasMessageContaining("2 value(s) are not a JSON object")
                    .hasMessageContaining("array_prefs_user, broken_prefs_user");
        }

        // V1 ran in one transaction: nothing at all changed, not even the enrichment tables were created
        SchemaSnapshot afterFailure = snapshot();
        assertThat(SchemaSnapshot.sameKeys(before.columns(), afterFailure.columns()))
                .isEqualTo(before.columns());
        assertThat(afterFailure.columns().keySet()).noneMatch(column -> column.startsWith("enrichment_windows."));
        try (Connection connection = Databases.connect(DATABASE)) {
            assertThat(before.sameRowsNow(connection)).isEqualTo(before.rows());
        }

        // once the operator fixes the two rows, the next start migrates
        Databases.execute(DATABASE, """
                UPDATE universal_users SET preferences = '{}' WHERE universal_id = 'broken_prefs_user';
                UPDATE universal_users SET preferences = NULL WHERE universal_id = 'array_prefs_user'""");
        assertThat(Databases.migrate(DATABASE).migrationsExecuted).isEqualTo(Databases.VERSIONS.size());
        assertThat(snapshot().columns().get("universal_users.preferences")).startsWith("jsonb");
    }

    @Test
    void addsWhatAnOlderDatabaseLacksWithTheDocumentedDefaults() throws SQLException {
        Databases.recreateLegacy(DATABASE, "legacy/whisperengine-older-columns.sql");
        SchemaSnapshot before = snapshot();
        assertThat(before.columns())
                .doesNotContainKeys("user_fact_relationships.related_entities", "universal_users.privacy_settings");

        Databases.migrate(DATABASE);

        SchemaSnapshot after = snapshot();
        assertThat(SchemaSnapshot.sameKeys(before.columns(), after.columns())).isEqualTo(before.columns());
        assertThat(after.columns())
                .containsKeys(
                        "universal_users.privacy_settings",
                        "fact_entities.subcategory",
                        "user_fact_relationships.related_entities",
                        "user_fact_relationships.strength",
                        "user_fact_relationships.source_platform",
                        "entity_relationships.metadata",
                        "conversation_summaries.enrichment_version",
                        "conversation_summaries.compression_ratio");
        // a stored generated column would rewrite every row: left out where it is missing, with its index
        assertThat(after.columns()).doesNotContainKey("fact_entities.search_vector");
        assertThat(after.indexes())
                .doesNotContainKey("idx_fact_entities_search")
                .containsKeys("idx_user_facts_related", "idx_user_facts_type");
        assertThat(after.constraints())
                .containsEntry(
                        "conversation_summaries.uq_conversation_summaries_window",
                        "UNIQUE (user_id, bot_name, start_timestamp, end_timestamp)");
        assertThat(after.triggers()).containsKey("user_fact_relationships.update_user_fact_relationships_updated_at");
        assertThat(after.functions()).isEqualTo(before.functions());
        try (Connection connection = Databases.connect(DATABASE)) {
            assertThat(before.sameRowsNow(connection)).isEqualTo(before.rows());
            assertThat(single(connection, """
                    SELECT string_agg(DISTINCT related_entities::text || ' ' || strength || ' ' || source_platform, ',')
                      FROM user_fact_relationships""")).isEqualTo("[] 0.5 discord");
            assertThat(single(
                            connection,
                            "SELECT string_agg(DISTINCT enrichment_version, ',') FROM conversation_summaries"))
                    .isEqualTo("v1.0");
            assertThat(single(
                            connection,
                            "SELECT count(*) FROM conversation_summaries WHERE compression_ratio IS NOT NULL"))
                    .isEqualTo("0");
        }
    }

    @Test
    void migratesWithoutTheTrigramIndexWhenPgTrgmCannotBeInstalled() throws SQLException {
        String database = "schema_no_trgm";
        Databases.recreate(database);
        TestPostgres postgres = TestPostgres.get();
        // pg_trgm is a trusted extension: whoever lacks CREATE on the database cannot install it
        String role = null;
        String user = postgres.username();
        String password = postgres.password();
        if (isSuperuser()) {
            // a superuser bypasses privileges, so migrate as a plain role instead
            role = "schema_no_trgm_" + UUID.randomUUID().toString().substring(0, 8);
            user = role;
            password = UUID.randomUUID().toString();
            Databases.execute(database, """
                    CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
                    GRANT CONNECT ON DATABASE %3$s TO %1$s;
                    GRANT USAGE, CREATE ON SCHEMA public TO %1$s""".formatted(role, password, database));
        } else {
            // the database owner gives up its own CREATE privilege on the database
            Databases.execute(database, "REVOKE CREATE ON DATABASE %s FROM CURRENT_USER".formatted(database));
        }
        try {
            try (Connection connection = Databases.connect(database)) {
                assumeFalse(
                        exists(connection, "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"),
                        "pg_trgm is preinstalled in new databases here");
            }

            // the application's Flyway settings
            Flyway.configure()
                    .dataSource(postgres.jdbcUrl(database), user, password)
                    .locations("classpath:db/migration")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();

            try (Connection connection = Databases.connect(database)) {
                SchemaSnapshot after = SchemaSnapshot.of(connection);
                assertThat(after.indexes())
                        .doesNotContainKey("idx_fact_entities_name_trgm")
                        .containsKeys("idx_fact_entities_name_lookup", "idx_fact_entities_search");
                assertThat(after.tableNames()).contains("fact_entities", "enrichment_jobs");
            }
        } finally {
            Databases.recreate(database);
            if (role != null) {
                Databases.execute("postgres", "DROP ROLE IF EXISTS " + role);
            }
        }
    }

    private static SchemaSnapshot snapshot() throws SQLException {
        try (Connection connection = Databases.connect(DATABASE)) {
            return SchemaSnapshot.of(connection);
        }
    }

    /** Each user's preferences as normalised jsonb text, whatever the column type; null stays null. */
    private static Map<String, String> preferencesAsJsonb() throws SQLException {
        Map<String, String> preferences = new LinkedHashMap<>();
        try (Connection connection = Databases.connect(DATABASE);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT universal_id,
                               CASE WHEN preferences IS NULL THEN NULL
                                    WHEN btrim(preferences::text, E' \\t\\r\\n') = '' THEN '{}'
                                    ELSE preferences::text::jsonb::text END
                          FROM universal_users ORDER BY universal_id""")) {
            while (rs.next()) {
                preferences.put(rs.getString(1), rs.getString(2));
            }
        }
        return preferences;
    }

    private static List<String> history(Connection connection) throws SQLException {
        List<String> history = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT version || ' ' || type FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                history.add(rs.getString(1));
            }
        }
        return history;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean exists(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static boolean isSuperuser() {
        try (Connection connection = Databases.connect("postgres")) {
            return "on".equals(single(connection, "SHOW is_superuser"));
        } catch (SQLException e) {
            return false;
        }
    }
}
