package dev.enrichment.pipeline;

import dev.enrichment.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What admins and the recap need to know about, and do to, the worker: status, a cycle now, requeues, coverage. */
@ApplicationScoped
public class PipelineAdmin {

    private final EnrichmentCycle cycle;
    private final WindowQueue queue;
    private final EntityManager em;
    private final Clock clock;

    PipelineAdmin(EnrichmentCycle cycle, WindowQueue queue, EntityManager em, Clock clock) {
        this.cycle = cycle;
        this.queue = queue;
        this.em = em;
        this.clock = clock;
    }

    /** Starts a cycle in the background; false when one is already running in this process. */
    public boolean startCycle() {
        return cycle.startInBackground();
    }

    /** Puts failed windows back to pending; null filters match any. Returns how many. */
    public int requeueFailed(String bot, String userId) {
        return queue.requeueFailed(blankToNull(bot), blankToNull(userId));
    }

    public PipelineStatus status() {
        return QuarkusTransaction.requiringNew().call(this::readStatus);
    }

    /**
     * How far the (bot, user) range is processed: the bot's oldest discovery time (everything written before it
     * has been read) and the windows overlapping the range that still wait for analysis or failed.
     */
    public Coverage coverage(String bot, String userId, Instant from, Instant to) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object covered = em.createNativeQuery(
                    "SELECT min(updated_at) FROM enrichment_discovery_cursors WHERE bot_name = :bot")
                    .setParameter("bot", bot)
                    .getSingleResult();
            Number pending = (Number) em.createNativeQuery("""
                    SELECT count(*) FROM enrichment_windows
                    WHERE bot_name = :bot AND user_id = :user AND window_start < :to AND window_end > :from
                      AND status IN ('pending', 'processing', 'failed')
                    """)
                    .setParameter("bot", bot)
                    .setParameter("user", userId)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getSingleResult();
            return new Coverage(SqlValues.instant(covered), pending.intValue());
        });
    }

    private PipelineStatus readStatus() {
        Instant now = clock.instant();
        Map<String, long[]> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> byStatus = em.createNativeQuery(
                "SELECT bot_name, status, count(*) FROM enrichment_windows GROUP BY bot_name, status")
                .getResultList();
        List<String> statuses = List.of("pending", "processing", "failed", "done", "skipped");
        for (Object[] row : byStatus) {
            long[] c = counts.computeIfAbsent((String) row[0], b -> new long[statuses.size()]);
            c[statuses.indexOf((String) row[1])] = ((Number) row[2]).longValue();
        }
        Map<String, List<String>> collections = new TreeMap<>();
        Map<String, Instant> cursors = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> cursorRows = em.createNativeQuery(
                "SELECT bot_name, collection_name, cursor_at FROM enrichment_discovery_cursors ORDER BY 1, 2")
                .getResultList();
        for (Object[] row : cursorRows) {
            String bot = (String) row[0];
            collections.computeIfAbsent(bot, b -> new ArrayList<>()).add((String) row[1]);
            Instant at = SqlValues.instant(row[2]);
            cursors.merge(bot, at, (a, b) -> a.isBefore(b) ? a : b);
        }
        counts.keySet().forEach(bot -> collections.computeIfAbsent(bot, b -> new ArrayList<>()));
        List<PipelineStatus.BotStatus> bots = new ArrayList<>();
        collections.forEach((bot, names) -> {
            long[] c = counts.getOrDefault(bot, new long[statuses.size()]);
            Instant cursor = cursors.get(bot);
            long lag = cursor == null ? -1 : Math.max(0, now.getEpochSecond() - cursor.getEpochSecond());
            bots.add(new PipelineStatus.BotStatus(bot, List.copyOf(names), cursor, lag, c[0], c[1], c[2], c[3],
                    c[4]));
        });
        return new PipelineStatus(cycle.isRunning(), cycle.lastOutcome().orElse(null), bots);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
