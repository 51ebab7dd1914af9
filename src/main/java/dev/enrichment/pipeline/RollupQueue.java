package dev.enrichment.pipeline;

import dev.enrichment.SqlRow;
import dev.enrichment.summary.Granularity;
import dev.enrichment.summary.RollupPeriod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rollup marks in {@code enrichment_rollup_marks}: each week and month one of whose day summaries was written
 * since its rollup was last looked at. Marking happens in the day summary's own transaction; a mark is claimed under a
 * lease (replicas never build the same rollup) once its period has ended and has settled, i.e. none of that user's
 * windows in it is pending or processing.
 */
@ApplicationScoped
public class RollupQueue {

    private static final List<Granularity> ROLLED_UP = List.of(Granularity.WEEK, Granularity.MONTH);

    private final EntityManager em;
    private final PipelineConfig config;
    private final Clock clock;

    RollupQueue(EntityManager em, PipelineConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Marks the week and the month that contain this window (by its start) as due for a rebuild, inside the caller's
     * transaction. A mark already there counts one more, so a build running meanwhile leaves it in place.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mark(String botName, String userId, Instant windowStart) {
        Instant now = clock.instant();
        for (Granularity granularity : ROLLED_UP) {
            RollupPeriod period =
                    granularity.periodContaining(windowStart, config.rollups().weekStartsOn());
            em.createNativeQuery("""
                    INSERT INTO enrichment_rollup_marks (bot_name, user_id, granularity, period_start, period_end,
                        marked_count, attempts, created_at, updated_at)
                    VALUES (:bot, :user, :granularity, :start, :end, 1, 0, :now, :now)
                    ON CONFLICT (bot_name, user_id, granularity, period_start) DO UPDATE SET
                        marked_count = enrichment_rollup_marks.marked_count + 1,
                        attempts = 0, last_error = NULL, next_attempt_at = NULL, updated_at = :now
                    """)
                    .setParameter("bot", botName)
                    .setParameter("user", userId)
                    .setParameter("granularity", granularity.wireName())
                    .setParameter("start", period.start())
                    .setParameter("end", period.end())
                    .setParameter("now", now)
                    .executeUpdate();
        }
    }

    /**
     * Leases the next due mark: its period has ended, no window of that bot and user starting in it is pending or
     * processing, it is past its retry time and nobody holds a live lease on it. On an idle cycle this one statement
     * is the whole cost of rollups.
     */
    public Optional<ClaimedRollup> claimNext(String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<SqlRow> row = SqlRow.first(SqlRow.query(em, """
                    WITH due AS (
                        SELECT m.id FROM enrichment_rollup_marks m
                        WHERE m.period_end <= :now
                          AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= :now)
                          AND (m.lease_expires_at IS NULL OR m.lease_expires_at < :now)
                          AND NOT EXISTS (
                              SELECT 1 FROM enrichment_windows w
                              WHERE w.bot_name = m.bot_name AND w.user_id = m.user_id
                                AND w.window_start >= m.period_start AND w.window_start < m.period_end
                                AND w.status IN ('pending', 'processing'))
                        ORDER BY m.period_end, m.id
                        LIMIT 1
                        FOR UPDATE OF m SKIP LOCKED)
                    UPDATE enrichment_rollup_marks m SET
                        lease_owner = :owner,
                        lease_expires_at = :leaseUntil,
                        claimed_mark = m.marked_count,
                        updated_at = :now
                    FROM due WHERE m.id = due.id
                    RETURNING m.id, m.bot_name, m.user_id, m.granularity, m.period_start, m.period_end,
                              m.marked_count, m.attempts
                    """)
                    .setParameter("now", now)
                    .setParameter("owner", owner)
                    .setParameter("leaseUntil", now.plus(config.lease())));
            return row.map(r -> new ClaimedRollup(
                    r.longValue("id"),
                    r.text("bot_name"),
                    r.text("user_id"),
                    new RollupPeriod(
                            Granularity.fromWire(r.text("granularity")),
                            r.instant("period_start"),
                            r.instant("period_end")),
                    r.longValue("marked_count"),
                    r.intValue("attempts"),
                    owner));
        });
    }

    /**
     * The ids of the day summaries this service wrote for the claimed period's windows (by window start). Only
     * summaries linked from a window count: the old worker's rows (placeholders included) are never rolled up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Integer> daySummaryIds(ClaimedRollup claimed) {
        return SqlRow.all(SqlRow.query(em, """
                        SELECT summary_id FROM enrichment_windows
                        WHERE bot_name = :bot AND user_id = :user
                          AND window_start >= :start AND window_start < :end
                          AND summary_id IS NOT NULL
                        ORDER BY window_start
                        """)
                        .setParameter("bot", claimed.botName())
                        .setParameter("user", claimed.userId())
                        .setParameter("start", claimed.period().start())
                        .setParameter("end", claimed.period().end()))
                .stream()
                .map(r -> r.intValue("summary_id"))
                .toList();
    }

    /**
     * Removes the claimed mark inside the caller's transaction (the one that writes the rollup); when a day summary
     * was written meanwhile the mark stays, without lease, for another look. Throws when the lease was lost, so the
     * caller's transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(ClaimedRollup claimed) {
        int deleted = em.createNativeQuery("""
                        DELETE FROM enrichment_rollup_marks
                        WHERE id = :id AND lease_owner = :owner AND marked_count = :claimedMark
                        """)
                .setParameter("id", claimed.id())
                .setParameter("owner", claimed.owner())
                .setParameter("claimedMark", claimed.claimedMark())
                .executeUpdate();
        if (deleted == 1) {
            return;
        }
        int released = em.createNativeQuery("""
                        UPDATE enrichment_rollup_marks SET lease_owner = NULL, lease_expires_at = NULL, attempts = 0,
                            last_error = NULL, next_attempt_at = NULL, updated_at = :now
                        WHERE id = :id AND lease_owner = :owner
                        """)
                .setParameter("now", clock.instant())
                .setParameter("id", claimed.id())
                .setParameter("owner", claimed.owner())
                .executeUpdate();
        if (released != 1) {
            throw new IllegalStateException(
                    "lost the lease on rollup mark " + claimed.id() + "; another process builds it");
        }
    }

    /**
     * Records a failed build in its own transaction: the error, one more attempt, and the next try backed off like a
     * window's (ENRICHMENT_RETRY_BACKOFF doubled per attempt, at most ENRICHMENT_MAX_RETRY_BACKOFF).
     */
    public void fail(ClaimedRollup claimed, String error) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        UPDATE enrichment_rollup_marks SET
                            attempts = attempts + 1,
                            last_error = :error,
                            next_attempt_at = CAST(:now AS timestamptz) + make_interval(secs =>
                                LEAST(:initialSeconds * power(2, LEAST(attempts, 30)), :maxSeconds)),
                            lease_owner = NULL,
                            lease_expires_at = NULL,
                            updated_at = :now
                        WHERE id = :id AND lease_owner = :owner
                        """)
                        .setParameter(
                                "error",
                                error == null
                                        ? "unknown error"
                                        : error.length() > 2000 ? error.substring(0, 2000) : error)
                        .setParameter("now", clock.instant())
                        .setParameter(
                                "initialSeconds", (double) config.retryBackoff().toSeconds())
                        .setParameter(
                                "maxSeconds", (double) config.maxRetryBackoff().toSeconds())
                        .setParameter("id", claimed.id())
                        .setParameter("owner", claimed.owner())
                        .executeUpdate());
    }
}
