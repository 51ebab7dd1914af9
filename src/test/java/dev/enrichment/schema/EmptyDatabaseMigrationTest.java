package dev.enrichment.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** V1 and V2 on an empty database. */
class EmptyDatabaseMigrationTest {

    private static final String DATABASE = "schema_empty";
    private static final String REFERENCE = "schema_reference";

    @BeforeEach
    void createEmptyDatabase() {
        Databases.recreate(DATABASE);
    }

    @Test
    void migratesAnEmptyDatabase() throws SQLException {
        MigrateResult result = Databases.migrate(DATABASE);

        assertThat(result.migrationsExecuted).isEqualTo(Databases.VERSIONS.size());
        assertThat(result.targetSchemaVersion).isEqualTo(Databases.VERSIONS.get(Databases.VERSIONS.size() - 1));
        try (Connection connection = Databases.connect(DATABASE)) {
            assertThat(SchemaSnapshot.of(connection).tableNames())
                    .containsExactlyInAnyOrder(
                            "conversation_summaries",
                            "universal_users",
                            "fact_entities",
                            "user_fact_relationships",
                            "entity_relationships",
                            "enrichment_discovery_cursors",
                            "enrichment_windows",
                            "enrichment_summary_revisions",
                            "enrichment_fact_history",
                            "enrichment_jobs",
                            "enrichment_summary_rollups",
                            "enrichment_summary_rollup_revisions",
                            "enrichment_rollup_marks",
                            "enrichment_recap_answers",
                            "enrichment_quarantine",
                            "enrichment_search_outbox",
                            "flyway_schema_history");
        }
        assertThat(Databases.migrate(DATABASE).migrationsExecuted).isZero();
    }

    @Test
    void createsTheWhisperEngineTablesExactlyAsTheirProductionSchema() throws SQLException {
        Databases.migrate(DATABASE);
        Databases.recreate(REFERENCE);
        Databases.runScript(REFERENCE, "legacy/whisperengine-schema.sql");

        SchemaSnapshot migrated;
        SchemaSnapshot reference;
        try (Connection connection = Databases.connect(DATABASE)) {
            migrated = SchemaSnapshot.of(connection);
        }
        try (Connection connection = Databases.connect(REFERENCE)) {
            reference = SchemaSnapshot.of(connection);
        }

        assertThat(whisperEngineOnly(migrated.columns()))
                .isEqualTo(whisperEngineOnly(reference.columns()))
                .isNotEmpty();
        assertThat(whisperEngineOnly(migrated.constraints())).isEqualTo(whisperEngineOnly(reference.constraints()));
        assertThat(whisperEngineOnly(migrated.triggers()))
                .isEqualTo(whisperEngineOnly(reference.triggers()))
                .hasSize(2);
        assertThat(onWhisperEngineTables(migrated.indexes()))
                .isEqualTo(onWhisperEngineTables(reference.indexes()))
                .containsKey("idx_fact_entities_name_trgm");
        assertThat(migrated.functions()).containsKey("update_updated_at_column()");
    }

    @Test
    void createsNoEntityTypeCheck() throws SQLException {
        Databases.migrate(DATABASE);

        try (Connection connection = Databases.connect(DATABASE)) {
            assertThat(SchemaSnapshot.of(connection).constraints())
                    .allSatisfy((name, definition) -> {
                        if (name.startsWith("fact_entities.")) {
                            assertThat(definition).doesNotStartWith("CHECK");
                        }
                    })
                    .containsKey("fact_entities.fact_entities_entity_type_entity_name_key");
        }
    }

    private static Map<String, String> whisperEngineOnly(Map<String, String> byTableDotName) {
        Map<String, String> filtered = new TreeMap<>();
        byTableDotName.forEach((key, value) -> {
            if (SchemaSnapshot.WHISPERENGINE_TABLES.contains(key.substring(0, key.indexOf('.')))) {
                filtered.put(key, value);
            }
        });
        return filtered;
    }

    private static Map<String, String> onWhisperEngineTables(Map<String, String> indexes) {
        Map<String, String> filtered = new TreeMap<>();
        indexes.forEach((name, definition) -> {
            if (SchemaSnapshot.WHISPERENGINE_TABLES.stream()
                    .anyMatch(table -> definition.contains(" ON public." + table + " "))) {
                filtered.put(name, definition);
            }
        });
        return filtered;
    }
}
