package dev.enrichment.summary;

import dev.enrichment.SqlRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Day summaries and rollups read the way search uses them: by id (the index's hits), and by words in their text or
 * topics (the keyword half of the hybrid ranking). Read-only.
 */
@ApplicationScoped
public class SearchableSummaries {

    /** Separates topics in one text column: a control character no topic holds (and one the index never needs). */
    private static final String TOPIC_SEPARATOR = "\u001f";

    /** The columns of a day summary as {@link #summary} reads them, from the bots' table. */
    private static final String DAYS = """
            SELECT id, bot_name, user_id, summary_text,
                   start_timestamp AT TIME ZONE 'UTC' AS window_start,
                   end_timestamp AT TIME ZONE 'UTC' AS window_end,
                   array_to_string(key_topics, :separator) AS topics
            FROM conversation_summaries
            """;

    private final EntityManager em;

    SearchableSummaries(EntityManager em) {
        this.em = em;
    }

    /** The summaries with these ids, in no particular order; ids that do not exist are left out. */
    public List<IndexedSummary> byIds(List<Integer> dayIds, List<Integer> rollupIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<IndexedSummary> found = new ArrayList<>();
            if (!dayIds.isEmpty()) {
                found.addAll(days(dayIds));
            }
            if (!rollupIds.isEmpty()) {
                found.addAll(rollups(rollupIds));
            }
            return found;
        });
    }

    /**
     * The user's summaries overlapping [from, to) (either bound may be null) whose text or topics contain one of the
     * words, newest first, at most {@code limit} of each kind.
     */
    public List<IndexedSummary> containingAny(
            String bot, String user, Instant from, Instant to, List<String> words, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        // ILIKE patterns with the wildcard characters escaped: the words are the caller's
        List<String> patterns = words.stream()
                .map(word -> "%"
                        + word.toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%")
                .toList();
        String range = (from == null ? "" : " AND end_col > :from") + (to == null ? "" : " AND start_col < :to");
        String days = DAYS + """
                WHERE bot_name = :bot AND user_id = :user
                  AND (lower(summary_text) LIKE ANY (CAST(:patterns AS text[]))
                       OR lower(array_to_string(key_topics, ' ')) LIKE ANY (CAST(:patterns AS text[])))"""
                + range.replace("end_col", "end_timestamp AT TIME ZONE 'UTC'")
                        .replace("start_col", "start_timestamp AT TIME ZONE 'UTC'")
                + " ORDER BY start_timestamp DESC LIMIT :limit";
        String rollups = """
                SELECT id, granularity, bot_name, user_id, summary_text,
                       period_start AS window_start, period_end AS window_end,
                       array_to_string(key_topics, :separator) AS topics
                FROM enrichment_summary_rollups
                WHERE bot_name = :bot AND user_id = :user
                  AND (lower(summary_text) LIKE ANY (CAST(:patterns AS text[]))
                       OR lower(array_to_string(key_topics, ' ')) LIKE ANY (CAST(:patterns AS text[])))"""
                + range.replace("end_col", "period_end").replace("start_col", "period_start")
                + " ORDER BY period_start DESC LIMIT :limit";
        String array = "{"
                + String.join(
                        ",",
                        patterns.stream().map(SearchableSummaries::arrayElement).toList()) + "}";
        return QuarkusTransaction.requiringNew().call(() -> {
            List<IndexedSummary> found = new ArrayList<>();
            for (String sql : List.of(days, rollups)) {
                var query = SqlRow.query(em, sql)
                        .setParameter("separator", TOPIC_SEPARATOR)
                        .setParameter("bot", bot)
                        .setParameter("user", user)
                        .setParameter("patterns", array)
                        .setParameter("limit", limit);
                if (from != null) {
                    query.setParameter("from", from);
                }
                if (to != null) {
                    query.setParameter("to", to);
                }
                boolean isDays = sql == days;
                SqlRow.all(query)
                        .forEach(row -> found.add(summary(
                                isDays ? Granularity.DAY : Granularity.fromWire(row.text("granularity")), row)));
            }
            return found;
        });
    }

    /**
     * For each instant, the user's day summary whose window holds it (the latest-starting one where windows
     * overlap, as the old worker's could); instants no summary covers yet are left out.
     */
    public Map<Instant, IndexedSummary> daysCovering(String bot, String user, Collection<Instant> instants) {
        if (instants.isEmpty()) {
            return Map.of();
        }
        Instant earliest = Collections.min(instants);
        Instant latest = Collections.max(instants);
        List<IndexedSummary> windows = QuarkusTransaction.requiringNew()
                .call(() -> SqlRow.all(SqlRow.query(em, DAYS + """
                                        WHERE bot_name = :bot AND user_id = :user
                                          AND end_timestamp AT TIME ZONE 'UTC' > :earliest
                                          AND start_timestamp AT TIME ZONE 'UTC' <= :latest
                                        ORDER BY start_timestamp DESC""")
                                .setParameter("separator", TOPIC_SEPARATOR)
                                .setParameter("bot", bot)
                                .setParameter("user", user)
                                .setParameter("earliest", earliest)
                                .setParameter("latest", latest))
                        .stream()
                        .map(row -> summary(Granularity.DAY, row))
                        .toList());
        Map<Instant, IndexedSummary> covering = new HashMap<>();
        for (Instant at : instants) {
            windows.stream()
                    .filter(window -> !window.windowStart().isAfter(at)
                            && window.windowEnd().isAfter(at))
                    .findFirst()
                    .ifPresent(window -> covering.put(at, window));
        }
        return covering;
    }

    List<IndexedSummary> days(List<Integer> ids) {
        return SqlRow.all(SqlRow.query(em, DAYS + "WHERE id IN (:ids)")
                        .setParameter("separator", TOPIC_SEPARATOR)
                        .setParameter("ids", ids))
                .stream()
                .map(row -> summary(Granularity.DAY, row))
                .toList();
    }

    List<IndexedSummary> rollups(List<Integer> ids) {
        return SqlRow.all(SqlRow.query(em, """
                                SELECT id, granularity, bot_name, user_id, summary_text,
                                       period_start AS window_start, period_end AS window_end,
                                       array_to_string(key_topics, :separator) AS topics
                                FROM enrichment_summary_rollups WHERE id IN (:ids)""")
                        .setParameter("separator", TOPIC_SEPARATOR)
                        .setParameter("ids", ids))
                .stream()
                .map(row -> summary(Granularity.fromWire(row.text("granularity")), row))
                .toList();
    }

    /** A PostgreSQL array literal element: quoted, with quotes and backslashes escaped. */
    private static String arrayElement(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static IndexedSummary summary(Granularity granularity, SqlRow row) {
        String topics = row.text("topics");
        return new IndexedSummary(
                granularity,
                row.intValue("id"),
                row.text("bot_name"),
                row.text("user_id"),
                row.instant("window_start"),
                row.instant("window_end"),
                row.text("summary_text") == null ? "" : row.text("summary_text"),
                topics == null || topics.isEmpty() ? List.of() : Arrays.asList(topics.split(TOPIC_SEPARATOR)));
    }
}
