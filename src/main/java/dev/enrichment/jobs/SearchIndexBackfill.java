package dev.enrichment.jobs;

import dev.enrichment.summary.Granularity;
import dev.enrichment.summary.IndexBacklog;
import dev.enrichment.summary.IndexBacklog.ExistingSummary;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts existing summaries (days, the old worker's included, and rollups) into the search index's outbox, in id
 * order and in batches, each batch committed with its checkpoint so a resumed run goes on where it stopped. The
 * worker's indexing step embeds and upserts them over the next cycles; a dry run only counts them.
 */
@ApplicationScoped
class SearchIndexBackfill implements JobHandler<SearchIndexBackfill.Parameters, SearchIndexBackfill.Result> {

    static final String KIND = "search-index";
    private static final int BATCH = 500;
    private static final List<Granularity> ORDER = List.of(Granularity.DAY, Granularity.WEEK, Granularity.MONTH);

    private final IndexBacklog backlog;

    SearchIndexBackfill(IndexBacklog backlog) {
        this.backlog = backlog;
    }

    /** @param bots only these bots' summaries; null or empty for every bot */
    @RegisterForReflection
    record Parameters(List<String> bots) {}

    @RegisterForReflection
    record Checkpoint(String granularity, int lastId, long enqueued) {}

    /** Summaries per granularity, for one bot or for all. */
    @RegisterForReflection
    record Counts(long day, long week, long month) {

        static Counts of(Map<Granularity, Long> counts) {
            return new Counts(
                    counts.getOrDefault(Granularity.DAY, 0L),
                    counts.getOrDefault(Granularity.WEEK, 0L),
                    counts.getOrDefault(Granularity.MONTH, 0L));
        }

        long total() {
            return day + week + month;
        }
    }

    /** @param enqueued summaries put into the outbox (0 for a dry run) */
    @RegisterForReflection
    record Result(Counts found, long enqueued) {}

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    @Override
    public Result run(JobContext<Parameters> context) {
        List<String> bots = context.parameters().bots() == null
                ? List.of()
                : context.parameters().bots();
        Map<String, Map<Granularity, Long>> perBot = new TreeMap<>();
        Map<Granularity, Long> totals = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Granularity granularity : ORDER) {
                backlog.existing(granularity, bots).forEach((bot, count) -> {
                    perBot.computeIfAbsent(bot, b -> new TreeMap<>()).put(granularity, count);
                    totals.merge(granularity, count, Long::sum);
                });
            }
        });
        Counts found = Counts.of(totals);
        Map<String, Counts> table = new TreeMap<>();
        perBot.forEach((bot, counts) -> table.put(bot, Counts.of(counts)));
        if (context.dryRun()) {
            context.save(new JobProgress(found.total(), found.total(), table, found), null, () -> {});
            return new Result(found, 0);
        }
        Checkpoint checkpoint = context.checkpoint(Checkpoint.class).orElse(null);
        long enqueued = checkpoint == null ? 0 : checkpoint.enqueued();
        for (Granularity granularity : ORDER) {
            if (checkpoint != null && ORDER.indexOf(granularity) < ORDER.indexOf(parse(checkpoint.granularity()))) {
                continue;
            }
            int after = checkpoint != null && parse(checkpoint.granularity()) == granularity ? checkpoint.lastId() : 0;
            List<ExistingSummary> batch;
            do {
                context.stopIfCancelled();
                int from = after;
                batch = QuarkusTransaction.requiringNew()
                        .call(() -> backlog.existingAfter(granularity, bots, from, BATCH));
                if (batch.isEmpty()) {
                    break;
                }
                List<ExistingSummary> toEnqueue = batch;
                after = batch.get(batch.size() - 1).id();
                enqueued += batch.size();
                context.save(
                        new JobProgress(enqueued, found.total(), table, new Result(found, enqueued)),
                        new Checkpoint(granularity.wireName(), after, enqueued),
                        () -> toEnqueue.forEach(summary -> backlog.enqueue(granularity, summary.id())));
            } while (batch.size() == BATCH);
        }
        Log.infof("Job %s (%s): %d summaries put into the search index's outbox", context.jobId(), KIND, enqueued);
        return new Result(found, enqueued);
    }

    private static Granularity parse(String wireName) {
        return Granularity.valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }
}
