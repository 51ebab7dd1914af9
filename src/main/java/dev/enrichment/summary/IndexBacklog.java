package dev.enrichment.summary;

import dev.enrichment.SqlRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search outbox ({@code enrichment_search_outbox}): summaries whose index entry is pending. The summary writers
 * enqueue in the summary's own transaction, so no committed summary lacks its entry; the search worker claims due
 * entries, embeds and upserts outside any transaction, then clears or reschedules them here.
 */
@ApplicationScoped
public class IndexBacklog {

    private final EntityManager em;
    private final Clock clock;
    private final SearchableSummaries summaries;

    IndexBacklog(EntityManager em, Clock clock, SearchableSummaries summaries) {
        this.em = em;
        this.clock = clock;
        this.summaries = summaries;
    }

    /** Marks the summary for (re)indexing, in the caller's transaction; a pending entry starts over, due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Granularity granularity, int summaryId) {
        Instant now = clock.instant();
        em.createNativeQuery("""
                        INSERT INTO enrichment_search_outbox (kind, summary_id, enqueued_at, attempts, next_attempt_at)
                        VALUES (:kind, :id, :now, 0, :now)
                        ON CONFLICT (kind, summary_id) DO UPDATE
                            SET enqueued_at = EXCLUDED.enqueued_at, attempts = 0,
                                next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL""")
                .setParameter("kind", granularity.wireName())
                .setParameter("id", summaryId)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} due entries for {@code lease} (another replica skips them meanwhile) and reads their
     * summaries. One statement when nothing is due.
     */
    public List<IndexEntry> claimDue(int limit, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<SqlRow> claimed = SqlRow.all(SqlRow.query(em, """
                            UPDATE enrichment_search_outbox o SET next_attempt_at = :leaseEnd
                            FROM (SELECT kind, summary_id FROM enrichment_search_outbox
                                  WHERE next_attempt_at <= :now
                                  ORDER BY next_attempt_at, kind, summary_id
                                  LIMIT :limit FOR UPDATE SKIP LOCKED) due
                            WHERE o.kind = due.kind AND o.summary_id = due.summary_id
                            RETURNING o.kind, o.summary_id, o.enqueued_at, o.attempts""")
                    .setParameter("leaseEnd", now.plus(lease))
                    .setParameter("now", now)
                    .setParameter("limit", limit));
            if (claimed.isEmpty()) {
                return List.of();
            }
            Map<String, IndexedSummary> found = new HashMap<>();
            List<Integer> dayIds = ids(claimed, true);
            List<Integer> rollupIds = ids(claimed, false);
            if (!dayIds.isEmpty()) {
                summaries.days(dayIds).forEach(s -> found.put(key(s.granularity(), s.id()), s));
            }
            if (!rollupIds.isEmpty()) {
                summaries.rollups(rollupIds).forEach(s -> found.put(key(s.granularity(), s.id()), s));
            }
            List<IndexEntry> entries = new ArrayList<>();
            for (SqlRow row : claimed) {
                Granularity granularity = Granularity.fromWire(row.text("kind"));
                int id = row.intValue("summary_id");
                entries.add(new IndexEntry(
                        granularity,
                        id,
                        row.instant("enqueued_at"),
                        row.intValue("attempts"),
                        Optional.ofNullable(found.get(key(granularity, id)))));
            }
            return entries;
        });
    }

    /** Clears the entries, except those enqueued again since they were claimed: those stay due. */
    public void indexed(List<IndexEntry> entries) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (IndexEntry entry : entries) {
                em.createNativeQuery("""
                                DELETE FROM enrichment_search_outbox
                                WHERE kind = :kind AND summary_id = :id AND enqueued_at = :enqueued""")
                        .setParameter("kind", entry.granularity().wireName())
                        .setParameter("id", entry.summaryId())
                        .setParameter("enqueued", entry.enqueuedAt())
                        .executeUpdate();
            }
        });
    }

    /**
     * Keeps the entries for another attempt after {@code backoff}, counting the failure; an entry enqueued again
     * since it was claimed is due now instead, with its count reset by the writer.
     */
    public void failed(List<IndexEntry> entries, String error, Duration backoff) {
        Instant retryAt = clock.instant().plus(backoff);
        QuarkusTransaction.requiringNew().run(() -> {
            for (IndexEntry entry : entries) {
                em.createNativeQuery("""
                                UPDATE enrichment_search_outbox
                                SET attempts = attempts + 1, next_attempt_at = :retryAt, last_error = :error
                                WHERE kind = :kind AND summary_id = :id AND enqueued_at = :enqueued""")
                        .setParameter("retryAt", retryAt)
                        .setParameter("error", error)
                        .setParameter("kind", entry.granularity().wireName())
                        .setParameter("id", entry.summaryId())
                        .setParameter("enqueued", entry.enqueuedAt())
                        .executeUpdate();
            }
        });
    }

    /** Entries not yet indexed, due or waiting for a retry. */
    public long pending() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM enrichment_search_outbox")
                                .getSingleResult())
                        .longValue());
    }

    private static List<Integer> ids(List<SqlRow> rows, boolean days) {
        return rows.stream()
                .filter(row -> "day".equals(row.text("kind")) == days)
                .map(row -> row.intValue("summary_id"))
                .toList();
    }

    private static String key(Granularity granularity, int id) {
        return granularity.wireName() + ":" + id;
    }

    /**
     * Summaries that exist, of one granularity, per bot (every bot when {@code bots} is empty): what a backfill of
     * the index would enqueue, old worker's rows included.
     */
    public Map<String, Long> existing(Granularity granularity, List<String> bots) {
        Map<String, Long> perBot = new HashMap<>();
        SqlRow.all(SqlRow.query(
                                em,
                                "SELECT bot_name, count(*) AS summaries FROM " + source(granularity)
                                        + " GROUP BY bot_name")
                        .setParameter("granularity", granularity.wireName())
                        .setParameter("allBots", bots.isEmpty())
                        .setParameter("bots", bots.isEmpty() ? List.of("") : bots))
                .forEach(row -> perBot.put(row.text("bot_name"), row.longValue("summaries")));
        return perBot;
    }

    /** The next {@code limit} ids of existing summaries after {@code afterId}, in id order, with their bots. */
    public List<ExistingSummary> existingAfter(Granularity granularity, List<String> bots, int afterId, int limit) {
        return SqlRow.all(SqlRow.query(
                                em,
                                "SELECT id, bot_name FROM " + source(granularity)
                                        + " AND id > :after ORDER BY id LIMIT :limit")
                        .setParameter("granularity", granularity.wireName())
                        .setParameter("allBots", bots.isEmpty())
                        .setParameter("bots", bots.isEmpty() ? List.of("") : bots)
                        .setParameter("after", afterId)
                        .setParameter("limit", limit))
                .stream()
                .map(row -> new ExistingSummary(row.intValue("id"), row.text("bot_name")))
                .toList();
    }

    // day summaries are WhisperEngine's rows, rollups the service's own; both filtered the same way
    private static String source(Granularity granularity) {
        String table = granularity == Granularity.DAY
                ? "conversation_summaries WHERE CAST(:granularity AS text) IS NOT NULL"
                : "enrichment_summary_rollups WHERE granularity = :granularity";
        return table + " AND (:allBots OR bot_name IN :bots)";
    }

    /** A summary the index backfill enqueues. */
    public record ExistingSummary(int id, String bot) {}
}
