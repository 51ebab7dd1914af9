package dev.enrichment.pipeline;

import dev.enrichment.SqlRow;
import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.RejectedPoint;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The points set aside: by discovery (time, user id), or when a window is read (text). Recording one is idempotent: a point seen again (a future-dated one is read by
 * every cycle until its time comes) only updates when it was last seen, and is counted in
 * {@code enrichment_points_quarantined_total{reason}} the first time only.
 */
@ApplicationScoped
class QuarantineStore {

    static final String FUTURE_TIMESTAMP = "future_timestamp";
    static final String ANCIENT_TIMESTAMP = "ancient_timestamp";

    private final EntityManager em;
    private final MeterRegistry registry;

    QuarantineStore(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.registry = registry;
    }

    /** Records the points in the caller's transaction. */
    void record(BotCollection collection, List<QuarantinedPoint> points, Instant now) {
        for (QuarantinedPoint point : points) {
            boolean inserted = SqlRow.first(SqlRow.query(em, """
                            INSERT INTO enrichment_quarantine (collection_name, point_id, bot_name, user_id, reason,
                                detail, point_time, first_seen_at, last_seen_at)
                            VALUES (:collection, :point, :bot, :user, :reason, :detail, :pointTime, :now, :now)
                            ON CONFLICT (collection_name, point_id) DO UPDATE SET
                                reason = EXCLUDED.reason, detail = EXCLUDED.detail, user_id = EXCLUDED.user_id,
                                point_time = EXCLUDED.point_time, last_seen_at = EXCLUDED.last_seen_at
                            RETURNING (xmax = 0) AS inserted""")
                            .setParameter("collection", collection.collectionName())
                            .setParameter("point", point.pointId())
                            .setParameter("bot", collection.botName())
                            .setParameter("user", point.userId())
                            .setParameter("reason", point.reason())
                            .setParameter("detail", point.detail())
                            .setParameter("pointTime", point.pointTime())
                            .setParameter("now", now))
                    .map(row -> Boolean.TRUE.equals(row.bool("inserted")))
                    .orElse(false);
            if (inserted) {
                registry.counter("enrichment.points.quarantined", "reason", point.reason())
                        .increment();
            }
        }
    }

    /** Removes points that were read again and are fine now, or that no longer exist. */
    void release(String collectionName, List<String> pointIds) {
        if (pointIds.isEmpty()) {
            return;
        }
        em.createNativeQuery(
                        "DELETE FROM enrichment_quarantine WHERE collection_name = :collection AND point_id IN :ids")
                .setParameter("collection", collectionName)
                .setParameter("ids", pointIds)
                .executeUpdate();
    }

    /** The quarantined point ids of one collection, optionally only for one reason. */
    List<String> pointIds(String collectionName, String reason) {
        return SqlRow.all(SqlRow.query(em, """
                        SELECT point_id FROM enrichment_quarantine
                         WHERE collection_name = :collection AND (CAST(:reason AS text) IS NULL OR reason = :reason)
                         ORDER BY point_id""")
                        .setParameter("collection", collectionName)
                        .setParameter("reason", reason))
                .stream()
                .map(row -> row.text("point_id"))
                .toList();
    }

    /**
     * A point set aside.
     *
     * @param pointTime the time the point claims, when it has one
     */
    record QuarantinedPoint(String pointId, String userId, String reason, String detail, Instant pointTime) {

        static QuarantinedPoint of(RejectedPoint rejected) {
            return new QuarantinedPoint(
                    rejected.pointId(), rejected.userId(), rejected.reason(), rejected.detail(), null);
        }
    }
}
