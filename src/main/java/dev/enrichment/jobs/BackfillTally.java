package dev.enrichment.jobs;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.enrichment.conversation.BotCollection;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** The backfill's per-bot table and totals; restored from the job when a run resumes. */
final class BackfillTally {

    private static final int MAX_ERRORS_PER_BOT = 5;

    /** One bot's row of the table: a dry run counts {@code wouldUpdate}, a live run {@code updated}. */
    @RegisterForReflection
    record BotRow(
            String bot,
            List<String> collections,
            long found,
            Long wouldUpdate,
            Long updated,
            long skippedNoMessages,
            long skippedNoCollection,
            long failed,
            List<String> errors) {}

    /** Totals over every bot, the job's counters: a dry run counts {@code wouldUpdate}, a live run {@code updated}. */
    @RegisterForReflection
    record Totals(
            long found,
            Long wouldUpdate,
            Long updated,
            long skippedNoMessages,
            long skippedNoCollection,
            long failed) {}

    /** The job's result: the totals and the per-bot table. */
    @RegisterForReflection
    record Result(@JsonUnwrapped Totals totals, Map<String, BotRow> perBot) {}

    /** One bot's counts while the job runs; {@code changed} is what its row shows as would-update or updated. */
    private static final class Row {
        String bot;
        List<String> collections = List.of();
        long found;
        long changed;
        long noMessages;
        long noCollection;
        long failed;
        List<String> errors = new ArrayList<>();
    }

    private final boolean dryRun;
    private final Map<String, Row> rows = new TreeMap<>();

    private BackfillTally(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** A fresh tally, or the one saved with the checkpoint. */
    static BackfillTally resume(boolean dryRun, Map<String, BotRow> saved) {
        BackfillTally tally = new BackfillTally(dryRun);
        saved.forEach((bot, stored) -> {
            Row row = tally.row(bot);
            row.bot = stored.bot();
            row.collections = Objects.requireNonNullElse(stored.collections(), List.of());
            row.found = stored.found();
            row.changed = Objects.requireNonNullElse(dryRun ? stored.wouldUpdate() : stored.updated(), 0L);
            row.noMessages = stored.skippedNoMessages();
            row.noCollection = stored.skippedNoCollection();
            row.failed = stored.failed();
            row.errors = new ArrayList<>(Objects.requireNonNullElse(stored.errors(), List.of()));
        });
        return tally;
    }

    void found(String bot, String canonicalBot, List<BotCollection> collections, int facts) {
        Row row = row(bot);
        row.bot = canonicalBot;
        row.collections =
                collections.stream().map(BotCollection::collectionName).toList();
        row.found += facts;
    }

    void noCollection(String bot, int facts) {
        row(bot).noCollection += facts;
    }

    void noMessages(String bot, int facts) {
        row(bot).noMessages += facts;
    }

    void updated(String bot, int facts) {
        row(bot).changed += facts;
    }

    void failed(String bot, int facts, String error) {
        Row row = row(bot);
        row.failed += facts;
        if (row.errors.size() < MAX_ERRORS_PER_BOT) {
            row.errors.add(error);
        }
    }

    /** An independent copy, to count a checkpoint's groups into without touching the saved counts. */
    BackfillTally copy() {
        return resume(dryRun, perBot());
    }

    Totals totals() {
        long changed = sum(row -> row.changed);
        return new Totals(
                sum(row -> row.found),
                dryRun ? changed : null,
                dryRun ? null : changed,
                sum(row -> row.noMessages),
                sum(row -> row.noCollection),
                sum(row -> row.failed));
    }

    JobProgress progress(long total) {
        return new JobProgress(totals().found(), total, perBot(), totals());
    }

    Map<String, BotRow> perBot() {
        Map<String, BotRow> table = new TreeMap<>();
        rows.forEach((bot, row) -> table.put(
                bot,
                new BotRow(
                        row.bot,
                        row.collections,
                        row.found,
                        dryRun ? row.changed : null,
                        dryRun ? null : row.changed,
                        row.noMessages,
                        row.noCollection,
                        row.failed,
                        List.copyOf(row.errors))));
        return table;
    }

    Result result() {
        return new Result(totals(), perBot());
    }

    private long sum(ToLongFunction<Row> count) {
        return rows.values().stream().mapToLong(count).sum();
    }

    private Row row(String bot) {
        return rows.computeIfAbsent(bot, b -> new Row());
    }
}
