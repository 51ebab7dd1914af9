package dev.enrichment.jobs;

import dev.enrichment.conversation.BotCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The backfill's per-bot table and totals; restored from the job when a run resumes. */
final class BackfillTally {

    private static final int MAX_ERRORS_PER_BOT = 5;

    /** One bot's row. {@code updated} counts the facts a dry run would update. */
    static final class BotRow {
        String canonicalBot;
        List<String> collections = new ArrayList<>();
        long found;
        long updated;
        long skippedNoMessages;
        long skippedNoCollection;
        long failed;
        List<String> errors = new ArrayList<>();
    }

    /** Totals over every bot. */
    record Totals(long found, long updated, long skippedNoMessages, long skippedNoCollection, long failed) {
    }

    private final boolean dryRun;
    private final Map<String, BotRow> rows = new TreeMap<>();

    private BackfillTally(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** A fresh tally, or the one saved with the checkpoint. */
    @SuppressWarnings("unchecked")
    static BackfillTally resume(boolean dryRun, Map<String, Object> savedPerBot) {
        BackfillTally tally = new BackfillTally(dryRun);
        if (savedPerBot != null) {
            savedPerBot.forEach((bot, value) -> {
                Map<String, Object> saved = (Map<String, Object>) value;
                BotRow row = new BotRow();
                row.canonicalBot = (String) saved.get("bot");
                row.collections = new ArrayList<>((List<String>) saved.getOrDefault("collections", List.of()));
                row.found = number(saved.get("found"));
                row.updated = number(saved.get(tally.updatedKey()));
                row.skippedNoMessages = number(saved.get("skipped_no_messages"));
                row.skippedNoCollection = number(saved.get("skipped_no_collection"));
                row.failed = number(saved.get("failed"));
                row.errors = new ArrayList<>((List<String>) saved.getOrDefault("errors", List.of()));
                tally.rows.put(bot, row);
            });
        }
        return tally;
    }

    void found(String bot, String canonicalBot, List<BotCollection> collections, int facts) {
        BotRow row = row(bot);
        row.canonicalBot = canonicalBot;
        row.collections = collections.stream().map(BotCollection::collectionName).toList();
        row.found += facts;
    }

    void noCollection(String bot, int facts) {
        row(bot).skippedNoCollection += facts;
    }

    void noMessages(String bot) {
        row(bot).skippedNoMessages++;
    }

    void updated(String bot, int facts) {
        row(bot).updated += facts;
    }

    void failed(String bot, int facts, String error) {
        BotRow row = row(bot);
        row.failed += facts;
        if (row.errors.size() < MAX_ERRORS_PER_BOT) {
            row.errors.add(error);
        }
    }

    Totals totals() {
        long found = 0;
        long updated = 0;
        long noMessages = 0;
        long noCollection = 0;
        long failed = 0;
        for (BotRow row : rows.values()) {
            found += row.found;
            updated += row.updated;
            noMessages += row.skippedNoMessages;
            noCollection += row.skippedNoCollection;
            failed += row.failed;
        }
        return new Totals(found, updated, noMessages, noCollection, failed);
    }

    JobProgress progress(long total) {
        return new JobProgress(totals().found(), total, perBot(), counters());
    }

    Map<String, Object> perBot() {
        Map<String, Object> table = new LinkedHashMap<>();
        rows.forEach((bot, row) -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            cells.put("bot", row.canonicalBot);
            cells.put("collections", List.copyOf(row.collections));
            cells.put("found", row.found);
            cells.put(updatedKey(), row.updated);
            cells.put("skipped_no_messages", row.skippedNoMessages);
            cells.put("skipped_no_collection", row.skippedNoCollection);
            cells.put("failed", row.failed);
            cells.put("errors", List.copyOf(row.errors));
            table.put(bot, cells);
        });
        return table;
    }

    Map<String, Object> counters() {
        Totals totals = totals();
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("found", totals.found());
        counters.put(updatedKey(), totals.updated());
        counters.put("skipped_no_messages", totals.skippedNoMessages());
        counters.put("skipped_no_collection", totals.skippedNoCollection());
        counters.put("failed", totals.failed());
        return counters;
    }

    /** The job's result: the totals and the per-bot table. */
    Map<String, Object> result() {
        Map<String, Object> result = new LinkedHashMap<>(counters());
        result.put("per_bot", perBot());
        return result;
    }

    private String updatedKey() {
        return dryRun ? "would_update" : "updated";
    }

    private BotRow row(String bot) {
        return rows.computeIfAbsent(bot, b -> new BotRow());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
