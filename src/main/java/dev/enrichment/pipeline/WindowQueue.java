package dev.enrichment.pipeline;

import dev.enrichment.SqlRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The window work items in {@code enrichment_windows}: claiming ready ones under a lease with
 * {@code FOR UPDATE SKIP LOCKED} (so replicas never share a window), completing, failing with backoff, releasing.
 */
@ApplicationScoped
public class WindowQueue {

    /**
     * A ready window: pending, due (closed, or quiet and not analysed too recently) and past its retry time, or held
     * under an expired lease. Windows a history job holds are its own to claim.
     */
    static final String READY_CONDITION = """
            history_job IS NULL
            AND ((status = 'pending'
                  AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                  AND (window_end <= :now
                       OR (newest_message_at <= :quietBefore
                           AND (last_analyzed_at IS NULL OR last_analyzed_at <= :resummarizeBefore))))
                 OR (status = 'processing' AND lease_expires_at < :now))""";

    /**
     * The oldest ready window. Read in {@code (window_start, id)} order through {@code idx_enrichment_windows_claim},
     * so a claim stops at the first ready row whatever the backlog.
     */
    static final String READY_WINDOW = "SELECT id FROM enrichment_windows WHERE " + READY_CONDITION + """

            ORDER BY window_start, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED""";

    /** What a claim sets and returns; {@code ready} is the CTE of the rows to claim. */
    private static final String CLAIM_READY = """
            UPDATE enrichment_windows w SET
                attempts = CASE WHEN w.status = 'processing' THEN w.attempts + 1 ELSE w.attempts END,
                status = 'processing',
                lease_owner = :owner,
                lease_expires_at = :leaseUntil,
                claimed_mark = w.marked_count,
                updated_at = :now
            FROM ready WHERE w.id = ready.id
            RETURNING w.id, w.bot_name, w.user_id, w.window_start, w.window_end, w.marked_count, w.attempts,
                      w.analysis_model, w.prompt_version, w.input_hash
            """;

    private final EntityManager em;
    private final PipelineConfig config;
    private final Clock clock;

    WindowQueue(EntityManager em, PipelineConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Leases the next ready window: a pending one that is due (closed, or quiet for ENRICHMENT_QUIET_MINUTES and not
     * analysed within ENRICHMENT_RESUMMARIZE_MINUTES) and past its retry time, or one whose lease has expired
     * because its process died (which counts as a failed attempt).
     */
    public Optional<ClaimedWindow> claimNext(String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<SqlRow> row = SqlRow.first(SqlRow.query(em, "WITH ready AS (" + READY_WINDOW + ")\n" + CLAIM_READY)
                    .setParameter("now", now)
                    .setParameter("quietBefore", now.minusSeconds(60L * config.quietMinutes()))
                    .setParameter("resummarizeBefore", now.minusSeconds(60L * config.resummarizeMinutes()))
                    .setParameter("owner", owner)
                    .setParameter("leaseUntil", now.plus(config.lease())));
            return row.map(r -> claimed(r, owner));
        });
    }

    /**
     * Leases up to {@code limit} more ready windows of the claimed window's bot and user, oldest first, to be analysed
     * together with it (ENRICHMENT_BATCH_MAX_WINDOWS). Windows another worker holds are passed by, not waited for.
     */
    public List<ClaimedWindow> claimSiblings(ClaimedWindow first, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<SqlRow> rows = SqlRow.all(SqlRow.query(
                            em,
                            "WITH ready AS (SELECT id FROM enrichment_windows WHERE "
                                    + "bot_name = :bot AND user_id = :user AND id <> :id AND " + READY_CONDITION + """

                            ORDER BY window_start, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                            """
                                    + CLAIM_READY)
                    .setParameter("bot", first.botName())
                    .setParameter("user", first.userId())
                    .setParameter("id", first.id())
                    .setParameter("limit", limit)
                    .setParameter("now", now)
                    .setParameter("quietBefore", now.minusSeconds(60L * config.quietMinutes()))
                    .setParameter("resummarizeBefore", now.minusSeconds(60L * config.resummarizeMinutes()))
                    .setParameter("owner", first.owner())
                    .setParameter("leaseUntil", now.plus(config.lease())));
            return sorted(rows.stream().map(r -> claimed(r, first.owner())).toList());
        });
    }

    /**
     * Marks windows for a history job, in one transaction: each window that has no work item yet gets a pending one
     * held by the job. A window that already has one (discovery's, an earlier run's) is left as it is, so no window
     * is analysed twice for history's sake. Returns how many were marked.
     */
    public int markForJob(UUID job, String bot, List<HistoryWindow> windows) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int marked = 0;
            for (HistoryWindow window : windows) {
                marked += em.createNativeQuery("""
                                INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status,
                                    newest_message_at, marked_count, attempts, history_job, created_at, updated_at)
                                VALUES (:bot, :user, :start, :end, 'pending', :newest, 1, 0, :job, :now, :now)
                                ON CONFLICT (bot_name, user_id, window_start, window_end) DO NOTHING
                                """)
                        .setParameter("bot", bot)
                        .setParameter("user", window.userId())
                        .setParameter("start", window.window().start())
                        .setParameter("end", window.window().end())
                        .setParameter("newest", window.newestMessage())
                        .setParameter("job", job)
                        .setParameter("now", now)
                        .executeUpdate();
            }
            return marked;
        });
    }

    /**
     * Leases the newest ready window the job holds within {@code [from, to)}, with up to {@code limit - 1} more of the
     * same bot and user, newest first; returned oldest first. Only closed windows are taken.
     */
    public List<ClaimedWindow> claimForJob(UUID job, String owner, Instant from, Instant to, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            String held = """
                    history_job = :job AND window_start >= :from AND window_start < :to AND window_end <= :now
                    AND ((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= :now))
                         OR (status = 'processing' AND lease_expires_at < :now))""";
            String sql = """
                    WITH first AS (SELECT bot_name, user_id FROM enrichment_windows WHERE %1$s
                                   ORDER BY window_start DESC, id DESC LIMIT 1),
                    ready AS (SELECT id FROM enrichment_windows WHERE %1$s
                                AND (bot_name, user_id) IN (SELECT bot_name, user_id FROM first)
                              ORDER BY window_start DESC, id DESC LIMIT :limit FOR UPDATE SKIP LOCKED)
                    """.formatted(held) + CLAIM_READY;
            List<SqlRow> rows = SqlRow.all(SqlRow.query(em, sql)
                    .setParameter("job", job)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setParameter("limit", Math.max(1, limit))
                    .setParameter("now", now)
                    .setParameter("owner", owner)
                    .setParameter("leaseUntil", now.plus(config.lease())));
            return sorted(rows.stream().map(r -> claimed(r, owner)).toList());
        });
    }

    /**
     * Ends a history job's hold on its windows: those it never tried are unmarked (a later run marks them again), the
     * rest (done, skipped, or failed and waiting for a retry) are the worker's from now on. Returns how many were
     * unmarked.
     */
    public int releaseJob(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int unmarked = em.createNativeQuery("""
                    DELETE FROM enrichment_windows
                    WHERE history_job = :job AND status = 'pending' AND attempts = 0 AND last_error IS NULL
                      AND last_analyzed_at IS NULL AND marked_count = 1
                    """).setParameter("job", job).executeUpdate();
            em.createNativeQuery("UPDATE enrichment_windows SET history_job = NULL WHERE history_job = :job")
                    .setParameter("job", job)
                    .executeUpdate();
            return unmarked;
        });
    }

    private static List<ClaimedWindow> sorted(List<ClaimedWindow> windows) {
        return windows.stream()
                .sorted(Comparator.comparing(ClaimedWindow::start).thenComparing(ClaimedWindow::id))
                .toList();
    }

    private static ClaimedWindow claimed(SqlRow r, String owner) {
        return new ClaimedWindow(
                r.longValue("id"),
                r.text("bot_name"),
                r.text("user_id"),
                r.instant("window_start"),
                r.instant("window_end"),
                r.longValue("marked_count"),
                r.intValue("attempts"),
                owner,
                r.text("analysis_model"),
                r.text("prompt_version"),
                r.text("input_hash"));
    }

    /** One window a history job marks: its user, its cell of the grid and its newest message. */
    public record HistoryWindow(String userId, TimeWindow window, Instant newestMessage) {}

    /**
     * Closes the claimed window as analysed or skipped, inside the caller's transaction. Throws when the lease was
     * lost (expired and taken over), so the caller's transaction rolls back and nothing is written twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(
            ClaimedWindow claimed, WindowStatus outcome, Integer summaryId, int messageCount, WindowAnalysis analysis) {
        Instant now = clock.instant();
        int updated = em.createNativeQuery("""
                UPDATE enrichment_windows SET
                    status = CASE WHEN marked_count > :claimedMark THEN 'pending' ELSE :outcome END,
                    summary_id = COALESCE(CAST(:summaryId AS integer), summary_id),
                    message_count = :messageCount,
                    analysis_model = COALESCE(CAST(:model AS text), analysis_model),
                    prompt_version = COALESCE(CAST(:promptVersion AS text), prompt_version),
                    input_hash = COALESCE(CAST(:inputHash AS text), input_hash),
                    last_analyzed_at = :now,
                    attempts = 0,
                    last_error = NULL,
                    next_attempt_at = NULL,
                    lease_owner = NULL,
                    lease_expires_at = NULL,
                    updated_at = :now
                WHERE id = :id AND lease_owner = :owner AND status = 'processing'
                """)
                .setParameter("claimedMark", claimed.claimedMark())
                .setParameter("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .setParameter("summaryId", summaryId)
                .setParameter("messageCount", messageCount)
                .setParameter("model", analysis == null ? null : analysis.model())
                .setParameter("promptVersion", analysis == null ? null : analysis.promptVersion())
                .setParameter("inputHash", analysis == null ? null : analysis.inputHash())
                .setParameter("now", now)
                .setParameter("id", claimed.id())
                .setParameter("owner", claimed.owner())
                .executeUpdate();
        if (updated != 1) {
            throw new LeaseLostException(claimed);
        }
    }

    /**
     * Records a failed attempt in its own transaction: the error, one more attempt, the next try backed off
     * exponentially (capped); after ENRICHMENT_MAX_ATTEMPTS the window is marked failed.
     */
    public void fail(ClaimedWindow claimed, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            em.createNativeQuery("""
                    UPDATE enrichment_windows SET
                        attempts = attempts + 1,
                        status = CASE WHEN attempts + 1 >= :maxAttempts THEN 'failed' ELSE 'pending' END,
                        last_error = :error,
                        next_attempt_at = CAST(:now AS timestamptz) + make_interval(secs =>
                            LEAST(:initialSeconds * power(2, LEAST(attempts, 30)), :maxSeconds)),
                        lease_owner = NULL,
                        lease_expires_at = NULL,
                        updated_at = :now
                    WHERE id = :id AND lease_owner = :owner AND status = 'processing'
                    """)
                    .setParameter("maxAttempts", config.maxAttempts())
                    .setParameter("error", truncate(error))
                    .setParameter("now", now)
                    .setParameter(
                            "initialSeconds", (double) config.retryBackoff().toSeconds())
                    .setParameter(
                            "maxSeconds", (double) config.maxRetryBackoff().toSeconds())
                    .setParameter("id", claimed.id())
                    .setParameter("owner", claimed.owner())
                    .executeUpdate();
        });
    }

    /**
     * Gives the window back as pending without spending an attempt, in its own transaction: the failure was the
     * LLM provider's (a refused key, an outage), not the window's.
     */
    public void release(ClaimedWindow claimed, String error) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                UPDATE enrichment_windows SET status = 'pending', last_error = :error, lease_owner = NULL,
                    lease_expires_at = NULL, updated_at = :now
                WHERE id = :id AND lease_owner = :owner AND status = 'processing'
                """)
                        .setParameter("error", truncate(error))
                        .setParameter("now", clock.instant())
                        .setParameter("id", claimed.id())
                        .setParameter("owner", claimed.owner())
                        .executeUpdate());
    }

    /**
     * Leases one specific window for an admin's regeneration, creating its work item when the summary came from
     * elsewhere (e.g. the old worker). Empty when a worker holds a live lease on it.
     */
    public Optional<ClaimedWindow> claimForRegeneration(
            String bot, String userId, Instant start, Instant end, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            em.createNativeQuery("""
                    INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status, attempts,
                        marked_count, created_at, updated_at)
                    VALUES (:bot, :user, :start, :end, 'done', 0, 0, :now, :now)
                    ON CONFLICT (bot_name, user_id, window_start, window_end) DO NOTHING
                    """)
                    .setParameter("bot", bot)
                    .setParameter("user", userId)
                    .setParameter("start", start)
                    .setParameter("end", end)
                    .setParameter("now", now)
                    .executeUpdate();
            Optional<SqlRow> row = SqlRow.first(SqlRow.query(em, """
                    UPDATE enrichment_windows SET status = 'processing', lease_owner = :owner,
                        lease_expires_at = :leaseUntil, claimed_mark = marked_count, updated_at = :now
                    WHERE bot_name = :bot AND user_id = :user AND window_start = :start AND window_end = :end
                      AND NOT (status = 'processing' AND lease_expires_at >= :now)
                    RETURNING id, marked_count, attempts, analysis_model, prompt_version, input_hash
                    """)
                    .setParameter("owner", owner)
                    .setParameter("leaseUntil", now.plus(config.lease()))
                    .setParameter("now", now)
                    .setParameter("bot", bot)
                    .setParameter("user", userId)
                    .setParameter("start", start)
                    .setParameter("end", end));
            return row.map(r -> new ClaimedWindow(
                    r.longValue("id"),
                    bot,
                    userId,
                    start,
                    end,
                    r.longValue("marked_count"),
                    r.intValue("attempts"),
                    owner,
                    r.text("analysis_model"),
                    r.text("prompt_version"),
                    r.text("input_hash")));
        });
    }

    /** Gives a regeneration's lease back untouched, e.g. when the LLM is unavailable: the window stays done. */
    public void abandon(ClaimedWindow claimed) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                UPDATE enrichment_windows SET
                    status = CASE WHEN marked_count > :claimedMark THEN 'pending' ELSE 'done' END,
                    lease_owner = NULL, lease_expires_at = NULL, updated_at = :now
                WHERE id = :id AND lease_owner = :owner
                """)
                        .setParameter("claimedMark", claimed.claimedMark())
                        .setParameter("now", clock.instant())
                        .setParameter("id", claimed.id())
                        .setParameter("owner", claimed.owner())
                        .executeUpdate());
    }

    /** Puts failed windows back to pending with a fresh attempt budget; null filters match any. */
    public int requeueFailed(String bot, String userId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                UPDATE enrichment_windows SET status = 'pending', attempts = 0, next_attempt_at = NULL,
                    updated_at = :now
                WHERE status = 'failed'
                  AND (CAST(:bot AS text) IS NULL OR bot_name = CAST(:bot AS text))
                  AND (CAST(:user AS text) IS NULL OR user_id = CAST(:user AS text))
                """)
                        .setParameter("now", clock.instant())
                        .setParameter("bot", bot)
                        .setParameter("user", userId)
                        .executeUpdate());
    }

    /** Gives back every window this owner still holds, e.g. at shutdown; another process can take them at once. */
    public int releaseAll(String owner) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                UPDATE enrichment_windows SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL,
                    updated_at = :now
                WHERE lease_owner = :owner AND status = 'processing'
                """)
                        .setParameter("now", clock.instant())
                        .setParameter("owner", owner)
                        .executeUpdate());
    }

    private static String truncate(String error) {
        String e = error == null ? "unknown error" : error;
        return e.length() > 2000 ? e.substring(0, 2000) : e;
    }
}
