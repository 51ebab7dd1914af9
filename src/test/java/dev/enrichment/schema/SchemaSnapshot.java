package dev.enrichment.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a migration could change in the current schema: every row of every table (as JSON text, sorted), the
 * columns with their full type, and the indexes, constraints, triggers and functions with their definitions.
 */
record SchemaSnapshot(
        Map<String, List<String>> rows,
        Map<String, String> columns,
        Map<String, String> indexes,
        Map<String, String> constraints,
        Map<String, String> triggers,
        Map<String, String> functions) {

    static final Set<String> WHISPERENGINE_TABLES = Set.of(
            "conversation_summaries",
            "universal_users",
            "fact_entities",
            "user_fact_relationships",
            "entity_relationships");

    static SchemaSnapshot of(Connection connection) throws SQLException {
        Map<String, String> columns = columns(connection);
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : tables(connection)) {
            rows.put(table, rows(connection, table, columnNames(columns, table)));
        }
        return new SchemaSnapshot(
                rows,
                columns,
                pairs(connection, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"),
                pairs(connection, """
                        SELECT conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
                          FROM pg_constraint
                         WHERE connamespace = current_schema()::regnamespace"""),
                pairs(connection, """
                        SELECT tgrelid::regclass::text || '.' || tgname, pg_get_triggerdef(oid)
                          FROM pg_trigger
                         WHERE NOT tgisinternal"""),
                // xmin changes whenever a function is replaced, even with an identical body
                pairs(connection, """
                        SELECT proname || '(' || pg_get_function_identity_arguments(oid) || ')',
                               xmin::text || ' ' || md5(prosrc)
                          FROM pg_proc
                         WHERE pronamespace = current_schema()::regnamespace"""));
    }

    /** The rows of this snapshot's tables as they are now, limited to the columns this snapshot saw. */
    Map<String, List<String>> sameRowsNow(Connection connection) throws SQLException {
        Map<String, List<String>> now = new TreeMap<>();
        for (String table : rows.keySet()) {
            now.put(table, rows(connection, table, columnNames(columns, table)));
        }
        return now;
    }

    /** Entries of {@code before} as they are in {@code after}: equal maps mean nothing was dropped or changed. */
    static Map<String, String> sameKeys(Map<String, String> before, Map<String, String> after) {
        Map<String, String> now = new TreeMap<>();
        before.keySet().forEach(key -> now.put(key, after.get(key)));
        return now;
    }

    Set<String> tableNames() {
        return rows.keySet();
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static Map<String, String> columns(Connection connection) throws SQLException {
        return pairs(connection, """
                SELECT table_name || '.' || column_name,
                       concat_ws(' | ', data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale,
                                 datetime_precision, is_nullable, column_default, is_generated, generation_expression)
                  FROM information_schema.columns
                 WHERE table_schema = current_schema()""");
    }

    private static List<String> columnNames(Map<String, String> columns, String table) {
        List<String> names = new ArrayList<>();
        columns.keySet().stream()
                .filter(key -> key.startsWith(table + "."))
                .forEach(key -> names.add(key.substring(table.length() + 1)));
        return names;
    }

    private static List<String> rows(Connection connection, String table, List<String> columnNames)
            throws SQLException {
        String sql = """
                SELECT coalesce((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(to_jsonb(t)) e
                                  WHERE e.key = ANY (?)), '{}'::jsonb)::text
                  FROM %s t
                 ORDER BY 1""".formatted(quoteIdentifier(table));
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", columnNames.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static Map<String, String> pairs(Connection connection, String sql) throws SQLException {
        Map<String, String> pairs = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                pairs.put(rs.getString(1), rs.getString(2));
            }
        }
        return pairs;
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
