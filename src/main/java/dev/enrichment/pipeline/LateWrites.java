package dev.enrichment.pipeline;

import dev.enrichment.SqlRow;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.ConversationSourceException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Finds points written behind a collection's discovery cursor, which discovery never reads: a bot whose clock or
 * time zone is behind UTC, or data copied in afterwards, grows its collection while nothing of it is enriched.
 * Each check counts the points dated before a boundary (the cursor minus the overlap, where discovery no longer
 * looks) and compares with the count at the same boundary last time; the difference arrived late. Run for the admin
 * status, never by the cycle, so the idle cycle keeps its one request per collection. Deleted points lower the count
 * and can hide as many late ones; the figure is a floor.
 */
@ApplicationScoped
class LateWrites {

    private final ConversationSource source;
    private final EntityManager em;
    private final PipelineConfig config;
    private final Clock clock;

    LateWrites(ConversationSource source, EntityManager em, PipelineConfig config, Clock clock) {
        this.source = source;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Checks every collection discovery has read: two counts each, outside any transaction. */
    void check() {
        List<Boundary> boundaries = QuarkusTransaction.requiringNew()
                .call(() -> SqlRow.all(SqlRow.query(em, """
                                SELECT collection_name, cursor_at, late_boundary, late_boundary_count
                                  FROM enrichment_discovery_cursors ORDER BY collection_name""")).stream()
                        .map(row -> new Boundary(
                                row.text("collection_name"),
                                row.instant("cursor_at"),
                                row.instant("late_boundary"),
                                row.longOrNull("late_boundary_count")))
                        .toList());
        for (Boundary boundary : boundaries) {
            try {
                check(boundary);
            } catch (ConversationSourceException e) {
                // the status still answers; the discovery error, if any, is reported on its own
                Log.debugf("Late-write check of %s skipped: %s", boundary.collection(), e.getMessage());
            }
        }
    }

    private void check(Boundary previous) {
        long late = 0;
        if (previous.at() != null && previous.count() != null) {
            late = Math.max(0, source.countBefore(previous.collection(), previous.at()) - previous.count());
        }
        Instant next = previous.cursorAt().minus(config.discoveryOverlap());
        long nextCount = source.countBefore(previous.collection(), next);
        Instant now = clock.instant();
        long found = late;
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        UPDATE enrichment_discovery_cursors
                           SET late_boundary = :boundary, late_boundary_count = :count, late_checked_at = :now,
                               late_points = late_points + :late,
                               late_seen_at = CASE WHEN :late > 0 THEN :now ELSE late_seen_at END
                         WHERE collection_name = :collection""")
                        .setParameter("boundary", next)
                        .setParameter("count", nextCount)
                        .setParameter("now", now)
                        .setParameter("late", found)
                        .setParameter("collection", previous.collection())
                        .executeUpdate());
        if (found > 0) {
            Log.warnf(
                    "%d point(s) of %s were written dated before %s, after discovery had passed that time: they are "
                            + "never discovered (is the bot's clock or time zone behind UTC?)",
                    found, previous.collection(), previous.at());
        }
    }

    private record Boundary(String collection, Instant cursorAt, Instant at, Long count) {}
}
