package dev.enrichment.pipeline;

import dev.enrichment.SqlRow;
import dev.enrichment.pipeline.PipelineStatus.Attention;
import dev.enrichment.pipeline.PipelineStatus.DiscoveryError;
import dev.enrichment.pipeline.PipelineStatus.FailedWindow;
import dev.enrichment.pipeline.PipelineStatus.LateWrite;
import dev.enrichment.pipeline.PipelineStatus.QuarantineSample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads, per bot, what the status shows an admin: quarantined points, failed discoveries, failed windows. */
@ApplicationScoped
class AttentionReport {

    private static final int SAMPLE = 5;

    private final EntityManager em;

    AttentionReport(EntityManager em) {
        this.em = em;
    }

    /** Runs in the caller's transaction. */
    Map<String, Attention> byBot() {
        Map<String, Map<String, Long>> quarantined = new HashMap<>();
        for (SqlRow row : SqlRow.all(SqlRow.query(em, """
                SELECT bot_name, reason, count(*) AS points FROM enrichment_quarantine GROUP BY bot_name, reason"""))) {
            quarantined
                    .computeIfAbsent(row.text("bot_name"), b -> new TreeMap<>())
                    .put(row.text("reason"), row.longValue("points"));
        }
        Map<String, List<QuarantineSample>> samples = new HashMap<>();
        for (SqlRow row : SqlRow.all(SqlRow.query(em, """
                SELECT bot_name, collection_name, point_id, user_id, reason, detail, last_seen_at
                  FROM (SELECT q.*, row_number() OVER (PARTITION BY bot_name ORDER BY last_seen_at DESC, point_id) AS n
                          FROM enrichment_quarantine q) ranked
                 WHERE n <= :sample ORDER BY bot_name, n""").setParameter("sample", SAMPLE))) {
            samples.computeIfAbsent(row.text("bot_name"), b -> new ArrayList<>())
                    .add(new QuarantineSample(
                            row.text("collection_name"),
                            row.text("point_id"),
                            row.text("user_id"),
                            row.text("reason"),
                            row.text("detail"),
                            row.instant("last_seen_at")));
        }
        Map<String, List<DiscoveryError>> discoveryErrors = new HashMap<>();
        for (SqlRow row : SqlRow.all(SqlRow.query(em, """
                SELECT bot_name, collection_name, last_error, last_error_at FROM enrichment_discovery_cursors
                 WHERE last_error IS NOT NULL ORDER BY bot_name, collection_name"""))) {
            discoveryErrors
                    .computeIfAbsent(row.text("bot_name"), b -> new ArrayList<>())
                    .add(new DiscoveryError(
                            row.text("collection_name"), row.text("last_error"), row.instant("last_error_at")));
        }
        Map<String, List<FailedWindow>> failed = new HashMap<>();
        for (SqlRow row : SqlRow.all(SqlRow.query(em, """
                SELECT bot_name, user_id, window_start, window_end, attempts, last_error
                  FROM (SELECT w.*, row_number() OVER (PARTITION BY bot_name ORDER BY updated_at DESC, id) AS n
                          FROM enrichment_windows w WHERE status = 'failed') ranked
                 WHERE n <= :sample ORDER BY bot_name, n""").setParameter("sample", SAMPLE))) {
            failed.computeIfAbsent(row.text("bot_name"), b -> new ArrayList<>())
                    .add(new FailedWindow(
                            row.text("user_id"),
                            row.instant("window_start"),
                            row.instant("window_end"),
                            row.intValue("attempts"),
                            row.text("last_error")));
        }
        Map<String, List<LateWrite>> late = new HashMap<>();
        for (SqlRow row : SqlRow.all(SqlRow.query(em, """
                SELECT bot_name, collection_name, late_points, late_seen_at FROM enrichment_discovery_cursors
                 WHERE late_points > 0 ORDER BY bot_name, collection_name"""))) {
            late.computeIfAbsent(row.text("bot_name"), b -> new ArrayList<>())
                    .add(new LateWrite(
                            row.text("collection_name"),
                            row.longValue("late_points"),
                            row.instant("late_seen_at"),
                            "written dated before the discovery cursor, so never discovered: check the bot's clock and "
                                    + "time zone (timestamp_unix must be UTC); a summary regeneration job over the "
                                    + "period reads them"));
        }
        Map<String, Attention> byBot = new HashMap<>();
        for (String bot : union(
                quarantined.keySet(), samples.keySet(), discoveryErrors.keySet(), failed.keySet(), late.keySet())) {
            byBot.put(
                    bot,
                    new Attention(
                            quarantined.getOrDefault(bot, Map.of()),
                            samples.getOrDefault(bot, List.of()),
                            discoveryErrors.getOrDefault(bot, List.of()),
                            failed.getOrDefault(bot, List.of()),
                            late.getOrDefault(bot, List.of())));
        }
        return byBot;
    }

    @SafeVarargs
    private static List<String> union(java.util.Set<String>... keys) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (java.util.Set<String> set : keys) {
            all.addAll(set);
        }
        return List.copyOf(all);
    }
}
