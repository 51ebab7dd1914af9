package dev.enrichment.pipeline;

import dev.enrichment.SqlRow;
import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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
    private final AttentionReport attentionReport;
    private final LateWrites lateWrites;
    private final LlmOutage outage;
    private final Discovery discovery;
    private final ConversationSource source;
    private final Clock clock;

    PipelineAdmin(
            EnrichmentCycle cycle,
            WindowQueue queue,
            EntityManager em,
            AttentionReport attentionReport,
            LateWrites lateWrites,
            Discovery discovery,
            ConversationSource source,
            LlmOutage outage,
            Clock clock) {
        this.cycle = cycle;
        this.outage = outage;
        this.attentionReport = attentionReport;
        this.lateWrites = lateWrites;
        this.discovery = discovery;
        this.source = source;
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
        // Qdrant counts first, outside the read transaction
        lateWrites.check();
        return QuarkusTransaction.requiringNew().call(this::readStatus);
    }

    /**
     * How far the (bot, user) range is processed: the bot's oldest discovery time (everything written before it
     * has been read) and the windows overlapping the range that still wait for analysis or failed.
     */
    public Coverage coverage(String bot, String userId, Instant from, Instant to) {
        // joins the caller's transaction: a recap reads everything on one pooled connection
        return QuarkusTransaction.joiningExisting().call(() -> {
            // one statement, one round trip: the recap asks this on every request
            SqlRow row = SqlRow.first(SqlRow.query(em, """
                                    SELECT (SELECT min(updated_at) FROM enrichment_discovery_cursors
                                             WHERE bot_name = :bot) AS covered,
                                           (SELECT count(*) FROM enrichment_windows
                                             WHERE bot_name = :bot AND user_id = :user
                                               AND window_start < :to AND window_end > :from
                                               AND status IN ('pending', 'processing', 'failed')) AS pending
                                    """)
                            .setParameter("bot", bot)
                            .setParameter("user", userId)
                            .setParameter("from", from)
                            .setParameter("to", to))
                    .orElseThrow();
            return new Coverage(row.instant("covered"), row.intValue("pending"));
        });
    }

    private PipelineStatus readStatus() {
        Instant now = clock.instant();
        Map<String, Map<WindowStatus, Long>> counts = new HashMap<>();
        for (SqlRow row : SqlRow.all(SqlRow.query(
                em,
                "SELECT bot_name, status, count(*) AS windows FROM enrichment_windows GROUP BY bot_name, status"))) {
            counts.computeIfAbsent(row.text("bot_name"), b -> new EnumMap<>(WindowStatus.class))
                    .put(WindowStatus.fromDatabase(row.text("status")), row.longValue("windows"));
        }
        Map<String, List<String>> collections = new TreeMap<>();
        Map<String, Instant> cursors = new HashMap<>();
        for (SqlRow row : SqlRow.all(SqlRow.query(
                em, "SELECT bot_name, collection_name, cursor_at FROM enrichment_discovery_cursors ORDER BY 1, 2"))) {
            String bot = row.text("bot_name");
            collections.computeIfAbsent(bot, b -> new ArrayList<>()).add(row.text("collection_name"));
            cursors.merge(bot, row.instant("cursor_at"), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, PipelineStatus.Attention> attention = attentionReport.byBot();
        counts.keySet().forEach(bot -> collections.computeIfAbsent(bot, b -> new ArrayList<>()));
        attention.keySet().forEach(bot -> collections.computeIfAbsent(bot, b -> new ArrayList<>()));
        List<PipelineStatus.BotStatus> bots = new ArrayList<>();
        collections.forEach((bot, names) -> {
            Map<WindowStatus, Long> c = counts.getOrDefault(bot, Map.of());
            Instant cursor = cursors.get(bot);
            long lag = cursor == null ? -1 : Math.max(0, now.getEpochSecond() - cursor.getEpochSecond());
            bots.add(new PipelineStatus.BotStatus(
                    bot,
                    List.copyOf(names),
                    cursor,
                    lag,
                    c.getOrDefault(WindowStatus.PENDING, 0L),
                    c.getOrDefault(WindowStatus.PROCESSING, 0L),
                    c.getOrDefault(WindowStatus.FAILED, 0L),
                    c.getOrDefault(WindowStatus.DONE, 0L),
                    c.getOrDefault(WindowStatus.SKIPPED, 0L),
                    attention.getOrDefault(bot, PipelineStatus.Attention.NONE)));
        });
        return new PipelineStatus(cycle.isRunning(), cycle.lastOutcome().orElse(null), outage.current(), bots);
    }

    /**
     * Reads the quarantined points of the bot's collections (every bot when null) again, optionally only those set
     * aside for one reason: fixed ones are enriched, vanished ones dropped, the rest stay with their current problem.
     */
    public Discovery.RereadOutcome retryQuarantine(String bot, String reason) {
        int released = 0;
        int still = 0;
        int gone = 0;
        for (BotCollection collection : source.botCollections()) {
            if (bot == null || bot.equals(collection.botName())) {
                Discovery.RereadOutcome outcome = discovery.reread(collection, reason);
                released += outcome.released();
                still += outcome.stillQuarantined();
                gone += outcome.gone();
            }
        }
        return new Discovery.RereadOutcome(released, still, gone);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
