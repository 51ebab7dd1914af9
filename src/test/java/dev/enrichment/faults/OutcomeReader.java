package dev.enrichment.faults;

import dev.enrichment.faults.ConversationSet.WindowKey;
import dev.enrichment.faults.Outcome.Summary;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads an {@link Outcome} from a service database with plain JDBC, as the bots would see it. */
final class OutcomeReader {

    /** The old worker's fallback text and topics: what "placeholder" means in this project. */
    private static final String PLACEHOLDERS = "SELECT count(*) FROM conversation_summaries"
            + " WHERE summary_text LIKE 'Conversation with % messages between user and %'"
            + " OR CAST(key_topics AS text[]) = ARRAY['general conversation']::text[]"
            + " OR btrim(summary_text) = ''";

    private final String jdbcUrl;
    private final String user;
    private final String password;

    OutcomeReader(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    Outcome read() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            return new Outcome(
                    summaries(c),
                    rows(
                            c,
                            "SELECT r.user_id, e.entity_type, e.entity_name, r.relationship_type, r.confidence,"
                                    + " r.mentioned_by_character"
                                    + " FROM user_fact_relationships r JOIN fact_entities e ON e.id = r.entity_id"),
                    rows(
                            c,
                            "SELECT u.universal_id, p.key, p.value ->> 'value', p.value ->> 'confidence'"
                                    + " FROM universal_users u, jsonb_each(CASE WHEN jsonb_typeof(u.preferences)"
                                    + " = 'object' THEN u.preferences ELSE '{}'::jsonb END) p"),
                    statuses(c),
                    count(c, PLACEHOLDERS),
                    count(c, "SELECT count(*) FROM enrichment_summary_revisions"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outcome from " + jdbcUrl, e);
        }
    }

    private static Map<WindowKey, Summary> summaries(Connection c) throws SQLException {
        Map<WindowKey, Summary> summaries = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT bot_name, user_id, start_timestamp, message_count, summary_text"
                        + " FROM conversation_summaries")) {
            while (rs.next()) {
                WindowKey key = new WindowKey(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                Summary previous = summaries.put(key, new Summary(rs.getInt(4), rs.getString(5)));
                if (previous != null) {
                    throw new AssertionError("two summaries for " + key);
                }
            }
        }
        return summaries;
    }

    private static Map<String, Integer> statuses(Connection c) throws SQLException {
        Map<String, Integer> statuses = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, count(*) FROM enrichment_windows GROUP BY status")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getInt(2));
            }
        }
        return statuses;
    }

    /** Each row as its columns joined by {@code " | "}, the first column (a user id) first. */
    private static SortedSet<String> rows(Connection c, String sql) throws SQLException {
        SortedSet<String> rows = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : " | ").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
