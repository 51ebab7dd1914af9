package dev.enrichment.pipeline;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.ConversationSource.ReadOrder;
import dev.enrichment.conversation.MarkPage;
import dev.enrichment.conversation.MessageMark;
import dev.enrichment.conversation.MessagePage;
import dev.enrichment.conversation.MessageQuery;
import dev.enrichment.conversation.ReadStats;
import dev.enrichment.conversation.StorableText;
import dev.enrichment.conversation.TimeOrderUnavailableException;
import dev.enrichment.pipeline.QuarantineStore.QuarantinedPoint;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds what is new in a collection since the last cycle and marks the windows it falls in. Cost follows new data:
 * one scroll (paged until exhausted) from just below the collection's cursor, no per-user request.
 */
@ApplicationScoped
public class Discovery {

    static final Duration RETRY_TIME_ORDER = Duration.ofHours(1);

    /** Windows marked per statement. */
    static final int MARK_BATCH = 1000;

    private final ConversationSource source;
    private final EntityManager em;
    private final PipelineConfig config;
    private final WindowGrid grid;
    private final QuarantineStore quarantine;
    private final Clock clock;
    /**
     * Collections found without a range index on timestamp_unix, read in id order until the time given (per process):
     * the index may be created later, so the ordered read is tried again after {@link #RETRY_TIME_ORDER}.
     */
    private final Map<String, Instant> readInIdOrderUntil = new ConcurrentHashMap<>();

    Discovery(
            ConversationSource source,
            EntityManager em,
            PipelineConfig config,
            WindowGrid grid,
            QuarantineStore quarantine,
            Clock clock) {
        this.source = source;
        this.quarantine = quarantine;
        this.em = em;
        this.config = config;
        this.grid = grid;
        this.clock = clock;
    }

    /**
     * Reads the collection's new messages and, in one transaction, marks their windows, sets aside the points that
     * cannot be enriched and advances the cursor. A failure is recorded on the cursor for the status, then rethrown.
     */
    public DiscoveryOutcome discover(BotCollection collection) {
        try {
            return discoverNew(collection);
        } catch (RuntimeException e) {
            recordFailure(collection, e);
            throw e;
        }
    }

    private DiscoveryOutcome discoverNew(BotCollection collection) {
        Instant now = clock.instant();
        Cursor cursor = QuarkusTransaction.requiringNew().call(() -> loadCursor(collection, now));
        // Pages come oldest first and are folded as they arrive: only the windows to mark and the ids near the newest
        // time are kept, never the messages, and the progress is committed every ENRICHMENT_DISCOVERY_COMMIT_EVERY
        // messages, so neither memory nor the work a crash loses grows with the collection.
        Fold fold = new Fold(cursor, config.discoveryOverlap());
        List<QuarantinedPoint> quarantined = new ArrayList<>();
        MessageQuery query = MessageQuery.all(collection).from(cursor.at().minus(config.discoveryOverlap()));
        Consumer<MarkPage> folder = page -> {
            List<MessageMark> fine = new ArrayList<>(page.marks().size());
            sort(page.marks(), now, fine, quarantined);
            page.rejected().forEach(rejected -> quarantined.add(QuarantinedPoint.of(rejected)));
            fine.forEach(fold::add);
        };
        Instant idOrderUntil = readInIdOrderUntil.get(collection.collectionName());
        ReadStats stats = idOrderUntil != null && now.isBefore(idOrderUntil)
                ? source.forEachMarkPage(query, ReadOrder.POINT_ID, folder)
                : readOldestFirst(collection, query, folder, fold, quarantined, now);
        commit(collection, fold, quarantined, now);
        if (fold.quarantined > 0) {
            Log.warnf(
                    "Discovery of %s set aside %d point(s) that cannot be enriched as they are (see the admin "
                            + "status)",
                    collection.collectionName(), fold.quarantined);
        }
        return new DiscoveryOutcome(collection.collectionName(), fold.read, fold.fresh, fold.marked, stats.pages());
    }

    /**
     * Reads oldest first, committing every {@code ENRICHMENT_DISCOVERY_COMMIT_EVERY} points. A collection Qdrant
     * cannot list in time order is read in id order from then on, committed once at the end, as it cannot be cut.
     */
    private ReadStats readOldestFirst(
            BotCollection collection,
            MessageQuery query,
            Consumer<MarkPage> folder,
            Fold fold,
            List<QuarantinedPoint> quarantined,
            Instant now) {
        try {
            return source.forEachMarkPage(query, ReadOrder.OLDEST_FIRST, page -> {
                folder.accept(page);
                if (fold.sinceCommit + quarantined.size() >= config.discoveryCommitEvery()) {
                    commit(collection, fold, quarantined, now);
                }
            });
        } catch (TimeOrderUnavailableException e) {
            readInIdOrderUntil.put(collection.collectionName(), now.plus(RETRY_TIME_ORDER));
            Log.warnf(
                    "%s; discovery reads it in id order and commits once per read. Create a float payload index on "
                            + "timestamp_unix, as the bots do, to have it read in bounded steps",
                    e.getMessage());
            return source.forEachMarkPage(query, ReadOrder.POINT_ID, folder);
        }
    }

    /**
     * Marks the windows folded since the last commit, sets aside the quarantined points and moves the cursor to the
     * newest message read, in one transaction. Everything older was read (pages come oldest first), so a crash after
     * this commit re-reads only from here.
     */
    private void commit(BotCollection collection, Fold fold, List<QuarantinedPoint> quarantined, Instant now) {
        List<String> band = fold.band();
        QuarkusTransaction.requiringNew().run(() -> {
            mark(collection.botName(), fold.marks, now);
            quarantine.record(collection, quarantined, now);
            saveCursor(collection, fold.newest, band, now);
        });
        fold.committed(quarantined.size());
        quarantined.clear();
    }

    /**
     * What discovery keeps of the messages it reads: the newest time, the windows to mark, and the ids within the
     * overlap below the newest time (the next read starts there and must not count them again).
     */
    private final class Fold {

        private final Cursor cursor;
        private final Duration overlap;
        private final Map<WindowKey, Instant> marks = new HashMap<>();
        private static final int PRUNE_FLOOR = 10_000;

        private final Map<String, Instant> nearNewest = new HashMap<>();
        private int pruneAt = PRUNE_FLOOR;
        private Instant newest;
        private long read;
        private long fresh;
        private long sinceCommit;
        private int marked;
        private int quarantined;

        Fold(Cursor cursor, Duration overlap) {
            this.cursor = cursor;
            this.overlap = overlap;
            this.newest = cursor.at();
        }

        void add(MessageMark m) {
            read++;
            sinceCommit++;
            if (m.timestamp().isAfter(newest)) {
                newest = m.timestamp();
                if (nearNewest.size() > pruneAt) {
                    Instant floor = newest.minus(overlap);
                    nearNewest.values().removeIf(at -> at.isBefore(floor));
                    // a busy band stays large: prune again only once it has doubled, not on every message
                    pruneAt = Math.max(PRUNE_FLOOR, 2 * nearNewest.size());
                }
            }
            if (!m.timestamp().isBefore(newest.minus(overlap))) {
                nearNewest.put(m.pointId(), m.timestamp());
            }
            if (cursor.accountedIds().contains(m.pointId())) {
                return;
            }
            fresh++;
            TimeWindow window = grid.windowOf(m.timestamp());
            marks.merge(new WindowKey(m.userId(), window), m.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
        }

        /** The marks are written: a window marked again later in the same read is marked twice, which is harmless. */
        void committed(int setAside) {
            marked += marks.size();
            quarantined += setAside;
            marks.clear();
            sinceCommit = 0;
        }

        /**
         * The ids at or above the new band's floor. Everything there was read in this pass (the read started
         * lower), so these are exactly the ids the next read will see again below its start.
         */
        List<String> band() {
            Instant floor = newest.minus(overlap);
            List<String> band = new ArrayList<>();
            nearNewest.forEach((id, at) -> {
                if (!at.isBefore(floor)) {
                    band.add(id);
                }
            });
            return band;
        }
    }

    /**
     * Reads quarantined points of the collection again, by id: those that are fine now have their windows marked
     * and leave the quarantine, as do those that no longer exist; the others stay, with what is wrong now.
     */
    public RereadOutcome reread(BotCollection collection, String reason) {
        Instant now = clock.instant();
        List<String> ids =
                QuarkusTransaction.requiringNew().call(() -> quarantine.pointIds(collection.collectionName(), reason));
        if (ids.isEmpty()) {
            return new RereadOutcome(0, 0, 0);
        }
        MessagePage page = source.retrieve(collection, ids);
        List<MessageMark> fine = new ArrayList<>();
        List<QuarantinedPoint> still = new ArrayList<>();
        sort(page.messages().stream().map(MessageMark::of).toList(), now, fine, still);
        page.rejected().forEach(rejected -> still.add(QuarantinedPoint.of(rejected)));
        Set<String> stillIds = new HashSet<>();
        still.forEach(point -> stillIds.add(point.pointId()));
        List<String> released =
                ids.stream().filter(id -> !stillIds.contains(id)).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            Map<WindowKey, Instant> marks = new HashMap<>();
            for (MessageMark m : fine) {
                marks.merge(
                        new WindowKey(m.userId(), grid.windowOf(m.timestamp())),
                        m.timestamp(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            mark(collection.botName(), marks, now);
            quarantine.release(collection.collectionName(), released);
            quarantine.record(collection, still, now);
        });
        return new RereadOutcome(fine.size(), still.size(), released.size() - fine.size());
    }

    /** Splits messages into those discovery can take and those dated where no conversation can be. */
    private void sort(
            List<MessageMark> messages, Instant now, List<MessageMark> fine, List<QuarantinedPoint> quarantined) {
        Instant latest = now.plus(config.maxClockSkew());
        for (MessageMark m : messages) {
            if (m.timestamp().isAfter(latest)) {
                quarantined.add(new QuarantinedPoint(
                        m.pointId(),
                        m.userId(),
                        QuarantineStore.FUTURE_TIMESTAMP,
                        "dated " + m.timestamp() + ", after now plus ENRICHMENT_MAX_CLOCK_SKEW",
                        m.timestamp()));
            } else if (m.timestamp().isBefore(config.timestampFloor())) {
                quarantined.add(new QuarantinedPoint(
                        m.pointId(),
                        m.userId(),
                        QuarantineStore.ANCIENT_TIMESTAMP,
                        "dated " + m.timestamp() + ", before ENRICHMENT_TIMESTAMP_FLOOR",
                        m.timestamp()));
            } else {
                fine.add(m);
            }
        }
    }

    private void recordFailure(BotCollection collection, RuntimeException failure) {
        String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        try {
            Instant now = clock.instant();
            // a collection never read yet gets the cursor its first read would start from
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("""
                            INSERT INTO enrichment_discovery_cursors (collection_name, bot_name, cursor_at,
                                overlap_point_ids, updated_at, last_error, last_error_at)
                            VALUES (:collection, :bot, :start, '{}', :now, :error, :now)
                            ON CONFLICT (collection_name) DO UPDATE SET
                                last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at""")
                            .setParameter("collection", collection.collectionName())
                            .setParameter("bot", collection.botName())
                            .setParameter("start", now.minus(Duration.ofDays(config.lookbackDays())))
                            .setParameter("error", StorableText.clean(error))
                            .setParameter("now", now)
                            .executeUpdate());
        } catch (RuntimeException unrecorded) {
            // the database may be what failed; the cycle logs the original error either way
            failure.addSuppressed(unrecorded);
        }
    }

    private Cursor loadCursor(BotCollection collection, Instant now) {
        DiscoveryCursor row = em.find(DiscoveryCursor.class, collection.collectionName());
        if (row == null) {
            return new Cursor(now.minus(Duration.ofDays(config.lookbackDays())), Set.of());
        }
        return new Cursor(row.cursorAt, new HashSet<>(row.overlapPointIds));
    }

    private void saveCursor(BotCollection collection, Instant cursorAt, List<String> band, Instant now) {
        DiscoveryCursor row = em.find(DiscoveryCursor.class, collection.collectionName());
        if (row == null) {
            row = new DiscoveryCursor();
            row.collectionName = collection.collectionName();
            row.botName = collection.botName();
            row.cursorAt = cursorAt;
            row.overlapPointIds = band;
            row.updatedAt = now;
            em.persist(row);
        } else {
            row.cursorAt = cursorAt;
            row.overlapPointIds = band;
            row.updatedAt = now;
            row.lastError = null;
            row.lastErrorAt = null;
        }
    }

    /**
     * Marks windows dirty, {@link #MARK_BATCH} per statement: a first cycle over a large collection marks hundreds of
     * thousands, and one round trip each was most of discovery's time. Each key appears once, as one statement may
     * not update a row twice. A window that had been done, skipped or failed goes back to pending with a fresh
     * attempt budget; one being analysed stays with its worker, whose completion sees the higher mark count and
     * leaves it pending. A window a history job held becomes the worker's: new messages are not the job's to pace.
     */
    private void mark(String bot, Map<WindowKey, Instant> marks, Instant now) {
        List<Map.Entry<WindowKey, Instant>> entries = new ArrayList<>(marks.entrySet());
        for (int from = 0; from < entries.size(); from += MARK_BATCH) {
            List<Map.Entry<WindowKey, Instant>> batch =
                    entries.subList(from, Math.min(entries.size(), from + MARK_BATCH));
            em.createNativeQuery("""
                    INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status,
                        newest_message_at, marked_count, attempts, created_at, updated_at)
                    SELECT :bot, marked.user_id, marked.window_start, marked.window_end, 'pending',
                        marked.newest, 1, 0, :now, :now
                    FROM unnest(CAST(:users AS text[]), CAST(:starts AS timestamptz[]),
                                CAST(:ends AS timestamptz[]), CAST(:newest AS timestamptz[]))
                        AS marked(user_id, window_start, window_end, newest)
                    ON CONFLICT (bot_name, user_id, window_start, window_end) DO UPDATE SET
                        newest_message_at = GREATEST(enrichment_windows.newest_message_at, EXCLUDED.newest_message_at),
                        marked_count = enrichment_windows.marked_count + 1,
                        status = CASE WHEN enrichment_windows.status = 'processing' THEN 'processing' ELSE 'pending' END,
                        attempts = CASE WHEN enrichment_windows.status IN ('done', 'skipped', 'failed') THEN 0
                                        ELSE enrichment_windows.attempts END,
                        next_attempt_at = CASE WHEN enrichment_windows.status IN ('done', 'skipped', 'failed') THEN NULL
                                               ELSE enrichment_windows.next_attempt_at END,
                        history_job = NULL,
                        updated_at = EXCLUDED.updated_at
                    """)
                    .setParameter("bot", bot)
                    .setParameter(
                            "users", arrayLiteral(batch, entry -> entry.getKey().userId()))
                    .setParameter(
                            "starts",
                            arrayLiteral(
                                    batch,
                                    entry -> entry.getKey().window().start().toString()))
                    .setParameter(
                            "ends",
                            arrayLiteral(
                                    batch,
                                    entry -> entry.getKey().window().end().toString()))
                    .setParameter(
                            "newest",
                            arrayLiteral(batch, entry -> entry.getValue().toString()))
                    .setParameter("now", now)
                    .executeUpdate();
        }
    }

    /** A PostgreSQL array literal of the values, each quoted with its quotes and backslashes escaped. */
    private static String arrayLiteral(
            List<Map.Entry<WindowKey, Instant>> entries, Function<Map.Entry<WindowKey, Instant>, String> value) {
        StringBuilder literal = new StringBuilder("{");
        for (Map.Entry<WindowKey, Instant> entry : entries) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(value.apply(entry).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    /** What reading quarantined points again did: windows marked, points still set aside, points gone. */
    public record RereadOutcome(int released, int stillQuarantined, int gone) {}

    private record Cursor(Instant at, Set<String> accountedIds) {}

    private record WindowKey(String userId, TimeWindow window) {}
}
