package dev.enrichment.pipeline;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.MessageQuery;
import dev.enrichment.conversation.ReadStats;
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

/**
 * Finds what is new in a collection since the last cycle and marks the windows it falls in. Cost follows new data:
 * one scroll (paged until exhausted) from just below the collection's cursor, no per-user request.
 */
@ApplicationScoped
public class Discovery {

    private final ConversationSource source;
    private final EntityManager em;
    private final PipelineConfig config;
    private final WindowGrid grid;
    private final Clock clock;

    Discovery(ConversationSource source, EntityManager em, PipelineConfig config, WindowGrid grid, Clock clock) {
        this.source = source;
        this.em = em;
        this.config = config;
        this.grid = grid;
        this.clock = clock;
    }

    /** Reads the collection's new messages and, in one transaction, marks their windows and advances the cursor. */
    public DiscoveryOutcome discover(BotCollection collection) {
        Instant now = clock.instant();
        Cursor cursor = QuarkusTransaction.requiringNew().call(() -> loadCursor(collection, now));
        Duration overlap = config.discoveryOverlap();

        Map<WindowKey, Instant> marks = new HashMap<>();
        List<Message> read = new ArrayList<>();
        ReadStats stats = source.forEachPage(MessageQuery.all(collection).from(cursor.at().minus(overlap)),
                page -> read.addAll(page.messages()));

        Instant newest = cursor.at();
        long fresh = 0;
        for (Message m : read) {
            if (m.timestamp().isAfter(newest)) {
                newest = m.timestamp();
            }
            if (cursor.accountedIds().contains(m.pointId())) {
                continue;
            }
            fresh++;
            TimeWindow window = grid.windowOf(m.timestamp());
            marks.merge(new WindowKey(m.userId(), window), m.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
        }
        // Everything at or above the new band's floor was read in this pass (the read started lower), so the
        // band's ids are exactly the ids read there.
        Instant bandFloor = newest.minus(overlap);
        List<String> band = new ArrayList<>();
        for (Message m : read) {
            if (!m.timestamp().isBefore(bandFloor)) {
                band.add(m.pointId());
            }
        }
        Instant cursorAt = newest;
        QuarkusTransaction.requiringNew().run(() -> {
            marks.forEach((key, newestInWindow) -> mark(collection.botName(), key, newestInWindow, now));
            saveCursor(collection, cursorAt, band, now);
        });
        return new DiscoveryOutcome(collection.collectionName(), read.size(), fresh, marks.size(), stats.pages());
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
        }
    }

    /**
     * Marks a window dirty. A window that had been done, skipped or failed goes back to pending with a fresh
     * attempt budget; one being analysed stays with its worker, whose completion sees the higher mark count and
     * leaves it pending.
     */
    private void mark(String bot, WindowKey key, Instant newestMessage, Instant now) {
        em.createNativeQuery("""
                INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status,
                    newest_message_at, marked_count, attempts, created_at, updated_at)
                VALUES (:bot, :user, :start, :end, 'pending', :newest, 1, 0, :now, :now)
                ON CONFLICT (bot_name, user_id, window_start, window_end) DO UPDATE SET
                    newest_message_at = GREATEST(enrichment_windows.newest_message_at, EXCLUDED.newest_message_at),
                    marked_count = enrichment_windows.marked_count + 1,
                    status = CASE WHEN enrichment_windows.status = 'processing' THEN 'processing' ELSE 'pending' END,
                    attempts = CASE WHEN enrichment_windows.status IN ('done', 'skipped', 'failed') THEN 0
                                    ELSE enrichment_windows.attempts END,
                    next_attempt_at = CASE WHEN enrichment_windows.status IN ('done', 'skipped', 'failed') THEN NULL
                                           ELSE enrichment_windows.next_attempt_at END,
                    updated_at = EXCLUDED.updated_at
                """)
                .setParameter("bot", bot)
                .setParameter("user", key.userId())
                .setParameter("start", key.window().start())
                .setParameter("end", key.window().end())
                .setParameter("newest", newestMessage)
                .setParameter("now", now)
                .executeUpdate();
    }

    private record Cursor(Instant at, Set<String> accountedIds) {
    }

    private record WindowKey(String userId, TimeWindow window) {
    }
}
