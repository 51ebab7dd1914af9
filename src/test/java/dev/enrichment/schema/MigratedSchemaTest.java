package dev.enrichment.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * The application's own database after boot: Flyway migrated it at start and Hibernate validated every entity against
 * it (otherwise the application would not have started).
 */
@QuarkusTest
class MigratedSchemaTest {

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    void appliesBothMigrationsAtStart() throws SQLException {
        assertThat(
                        strings(
                                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank"))
                .containsSubsequence("1", "2");
    }

    @Test
    void createsEveryTableTheServiceUses() throws SQLException {
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"))
                .contains(
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
                        "enrichment_rollup_marks");
    }

    @Test
    void createsTheIndexesTheBotsAndTheServiceQueryBy() throws SQLException {
        assertThat(strings("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"))
                .contains(
                        "idx_conversation_summaries_user_bot",
                        "idx_conversation_summaries_time",
                        "idx_conversation_summaries_created",
                        "idx_conversation_summaries_topics",
                        "idx_universal_users_email",
                        "idx_universal_users_username",
                        "idx_universal_users_preferences_gin",
                        "idx_fact_entities_attributes",
                        "idx_fact_entities_category",
                        "idx_fact_entities_name_lookup",
                        "idx_fact_entities_search",
                        "idx_fact_entities_type",
                        "idx_fact_entities_type_lookup",
                        "idx_user_facts_character",
                        "idx_user_facts_created",
                        "idx_user_facts_emotional",
                        "idx_user_facts_entity",
                        "idx_user_facts_lookup",
                        "idx_user_facts_related",
                        "idx_user_facts_type",
                        "idx_entity_rel_bidirectional",
                        "idx_entity_rel_forward",
                        "idx_entity_rel_reverse",
                        "idx_entity_rel_type",
                        "idx_enrichment_windows_ready",
                        "idx_enrichment_fact_history_user",
                        "idx_enrichment_jobs_kind_status");
    }

    @Test
    void createsTheKeysAndRulesTheWritesRelyOn() throws SQLException {
        assertThat(strings("""
                SELECT conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid)
                  FROM pg_constraint WHERE connamespace = current_schema()::regnamespace"""))
                .contains(
                        "conversation_summaries u UNIQUE (user_id, bot_name, start_timestamp, end_timestamp)",
                        "fact_entities u UNIQUE (entity_type, entity_name)",
                        "user_fact_relationships u UNIQUE (user_id, entity_id, relationship_type)",
                        "entity_relationships u UNIQUE (from_entity_id, to_entity_id, relationship_type)",
                        "user_fact_relationships f FOREIGN KEY (entity_id) REFERENCES fact_entities(id) ON DELETE CASCADE",
                        "user_fact_relationships f FOREIGN KEY (user_id) REFERENCES universal_users(universal_id) ON DELETE CASCADE",
                        "enrichment_windows u UNIQUE (bot_name, user_id, window_start, window_end)",
                        "enrichment_windows f FOREIGN KEY (summary_id) REFERENCES conversation_summaries(id) ON DELETE SET NULL",
                        "enrichment_summary_revisions f FOREIGN KEY (summary_id) REFERENCES conversation_summaries(id) ON DELETE CASCADE",
                        "enrichment_windows c CHECK ((status = ANY (ARRAY['pending'::text, 'processing'::text, 'done'::text, 'skipped'::text, 'failed'::text])))",
                        "enrichment_jobs c CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'succeeded'::text, 'failed'::text, 'cancelled'::text])))");
        assertThat(strings("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
                .contains("update_fact_entities_updated_at", "update_user_fact_relationships_updated_at");
    }

    @Test
    void keepsWhisperEngineColumnTypesAndUsesTimestamptzForItsOwn() throws SQLException {
        assertThat(strings("""
                SELECT table_name || '.' || column_name || ' ' || udt_name
                  FROM information_schema.columns WHERE table_schema = current_schema()"""))
                .contains(
                        "conversation_summaries.key_topics _varchar",
                        "conversation_summaries.start_timestamp timestamp",
                        "conversation_summaries.compression_ratio float8",
                        "conversation_summaries.id int4",
                        "universal_users.preferences jsonb",
                        "universal_users.privacy_settings text",
                        "fact_entities.search_vector tsvector",
                        "user_fact_relationships.updated_at timestamp",
                        "enrichment_windows.window_start timestamptz",
                        "enrichment_windows.summary_id int4",
                        "enrichment_fact_history.source_message_ids _text",
                        "enrichment_summary_revisions.key_topics _text",
                        "enrichment_jobs.parameters jsonb",
                        "enrichment_discovery_cursors.cursor_at timestamptz");
        assertThat(strings("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name LIKE 'enrichment\\_%'
                   AND data_type = 'timestamp without time zone'""")).isEmpty();
    }

    @Test
    void mapsNaiveTimestampsToLocalDateTimeAndTimestamptzToInstant() throws SQLException {
        // Hibernate's validation does not tell timestamp from timestamptz, so this checks every mapped temporal column
        Map<String, String> columnTypes = new HashMap<>();
        for (String row : strings("""
                SELECT table_name || '.' || column_name || '=' || data_type
                  FROM information_schema.columns WHERE table_schema = current_schema()""")) {
            columnTypes.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        List<String> checked = new ArrayList<>();
        for (EntityType<?> entity : entityManager.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            String table = type.getAnnotation(Table.class).name();
            for (Field field : type.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column == null) {
                    continue;
                }
                String key = table + "." + column.name();
                if (field.getType() == LocalDateTime.class) {
                    assertThat(columnTypes.get(key)).as(key).isEqualTo("timestamp without time zone");
                    JdbcTypeCode code = field.getAnnotation(JdbcTypeCode.class);
                    assertThat(code)
                            .as("%s needs @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)", key)
                            .isNotNull();
                    assertThat(code.value()).as(key).isEqualTo(SqlTypes.LOCAL_DATE_TIME);
                    checked.add(key);
                } else if (columnTypes.getOrDefault(key, "").startsWith("timestamp")) {
                    assertThat(field.getType()).as(key).isEqualTo(Instant.class);
                    assertThat(columnTypes.get(key)).as(key).isEqualTo("timestamp with time zone");
                    checked.add(key);
                }
            }
        }
        assertThat(checked)
                .contains("conversation_summaries.start_timestamp", "enrichment_discovery_cursors.cursor_at");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
