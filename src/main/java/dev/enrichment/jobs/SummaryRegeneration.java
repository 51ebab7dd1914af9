package dev.enrichment.jobs;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.enrichment.BackgroundExecutors;
import dev.enrichment.SqlRow;
import dev.enrichment.UtcTimestamps;
import dev.enrichment.llm.LlmPrices;
import dev.enrichment.pipeline.PipelineConfig;
import dev.enrichment.pipeline.SummaryRegenerator;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Bulk summary regeneration: selects stored summaries by filters and re-analyses them newest first, within the
 * worker's concurrency limit, each old text kept as a revision. A dry run reports counts and a token and cost
 * estimate. Failures are retried once individually; those still failing are reported.
 */
@ApplicationScoped
class SummaryRegeneration implements JobHandler<SummaryRegeneration.Parameters, SummaryRegeneration.Result> {

    static final String KIND = "summary-regeneration";
    /** The old worker's fallback text: "Conversation with {n} messages between user and {bot}. Topics and ...". */
    static final String PLACEHOLDER_PATTERN =
            "Conversation with % messages between user and %. Topics and details " + "discussed.";

    private static final int MAX_REPORTED_FAILURES = 100;
    private static final String REGENERATED = "regenerated";
    private static final String GONE = "gone";

    private final EntityManager em;
    private final SummaryRegenerator regenerator;
    private final PipelineConfig pipeline;
    private final LlmPrices prices;
    /** Regenerations run in parallel, as many as the worker analyses windows (ENRICHMENT_CONCURRENCY). */
    private final ManagedExecutor regenerations;

    SummaryRegeneration(EntityManager em, SummaryRegenerator regenerator, PipelineConfig pipeline, LlmPrices prices) {
        this.em = em;
        this.regenerator = regenerator;
        this.pipeline = pipeline;
        this.prices = prices;
        this.regenerations = BackgroundExecutors.atMost(pipeline.concurrency());
    }

    @PreDestroy
    void shutDown() {
        regenerations.shutdownNow();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    /** Which summaries to regenerate; each filter is optional. */
    @RegisterForReflection
    record Parameters(
            String bot,
            String userId,
            Instant from,
            Instant to,
            String summaryType,
            Double maxConfidence,
            String enrichmentVersionBelow,
            Boolean onlyPlaceholders,
            Integer limit) {}

    /** One selected summary; a dry run's sample shows it as it is. */
    @RegisterForReflection
    record Selected(
            int summaryId,
            String bot,
            String userId,
            Instant windowStart,
            Instant windowEnd,
            String summaryType,
            int messageCount) {}

    /** A dry run's counters: how much there is to do and what it would cost. */
    @RegisterForReflection
    record Estimate(
            long summaries,
            long windows,
            long estimatedPromptTokens,
            long estimatedCompletionTokens,
            double estimatedCostUsd) {}

    /** Counts in total and per bot: a dry run's rows count summaries only, {@code retried} is in the total only. */
    @RegisterForReflection
    record Counts(long summaries, Long regenerated, Long retried, Long gone, Long failed) {

        Counts retry() {
            return new Counts(summaries, regenerated, retried + 1, gone, failed);
        }

        /** Counted as regenerated, gone or, for any other outcome, failed. */
        Counts count(String outcome) {
            return switch (outcome) {
                case REGENERATED -> new Counts(summaries, regenerated + 1, retried, gone, failed);
                case GONE -> new Counts(summaries, regenerated, retried, gone + 1, failed);
                default -> new Counts(summaries, regenerated, retried, gone, failed + 1);
            };
        }
    }

    /** A summary that could not be regenerated, and why. */
    @RegisterForReflection
    record Failure(int summaryId, String bot, String error) {}

    /** Where a resumed run continues: the first run's selection, the position in it, the failures so far. */
    @RegisterForReflection
    record Checkpoint(List<Integer> ids, List<String> bots, int next, List<Failure> failures) {}

    /** The job's result: a dry run's estimate, or a live run's counts and the summaries not regenerated. */
    @RegisterForReflection
    record Result(
            @JsonUnwrapped Estimate estimate, @JsonUnwrapped Counts counts, List<Failure> notRegenerated) {}

    @Override
    public Result run(JobContext<Parameters> context) {
        return context.dryRun() ? plan(context) : regenerate(context);
    }

    private Result plan(JobContext<Parameters> context) {
        List<Selected> selected = select(context.parameters());
        JobsConfig config = context.config();
        long windows = selected.stream()
                .map(s -> List.of(s.bot(), s.userId(), s.windowStart(), s.windowEnd()))
                .distinct()
                .count();
        long messages = selected.stream().mapToLong(Selected::messageCount).sum();
        long promptTokens =
                messages * config.estimatedTokensPerMessage() + windows * config.estimatedPromptOverheadTokens();
        long completionTokens = windows * config.estimatedCompletionTokensPerWindow();
        double cost = prices.cost(promptTokens, completionTokens);
        Map<String, Counts> perBot = new TreeMap<>();
        summariesPerBot(selected).forEach((bot, n) -> perBot.put(bot, new Counts(n, null, null, null, null)));
        selected.forEach(context::sample);
        Estimate estimate = new Estimate(
                selected.size(), windows, promptTokens, completionTokens, Math.round(cost * 10_000) / 10_000d);
        context.save(new JobProgress(selected.size(), (long) selected.size(), perBot, estimate), null, () -> {});
        return new Result(estimate, null, null);
    }

    private Result regenerate(JobContext<Parameters> context) {
        // Resumed: the selection made by the first run, so newly matching summaries do not shift positions.
        Checkpoint start = context.checkpoint(Checkpoint.class).orElse(null);
        Counts total = context.savedCounters(Counts.class).orElse(null);
        Map<String, Counts> perBot = context.savedPerBot(Counts.class);
        if (start == null) {
            List<Selected> selected = select(context.parameters());
            start = new Checkpoint(
                    selected.stream().map(Selected::summaryId).toList(),
                    selected.stream().map(Selected::bot).toList(),
                    0,
                    List.of());
            total = new Counts(selected.size(), 0L, 0L, 0L, 0L);
            summariesPerBot(selected).forEach((bot, n) -> perBot.put(bot, new Counts(n, 0L, null, 0L, 0L)));
        }
        List<Integer> ids = start.ids();
        List<String> bots = start.bots();
        int next = start.next();
        List<Failure> failures = new ArrayList<>(start.failures());
        int concurrency = Math.max(1, pipeline.concurrency());
        while (next < ids.size()) {
            context.stopIfCancelled();
            List<Integer> batch = ids.subList(next, Math.min(ids.size(), next + concurrency));
            List<Future<String>> outcomes = new ArrayList<>();
            for (Integer id : batch) {
                outcomes.add(regenerations.submit(() -> regenerateOne(id)));
            }
            for (int i = 0; i < batch.size(); i++) {
                int id = batch.get(i);
                String bot = bots.get(next + i);
                String outcome = await(outcomes.get(i));
                if (!isDone(outcome)) {
                    // Retried once on its own, after its batch: a busy window or a transient failure.
                    total = total.retry();
                    outcome = regenerateOne(id);
                }
                total = total.count(outcome);
                perBot.put(bot, perBot.get(bot).count(outcome));
                if (!isDone(outcome) && failures.size() < MAX_REPORTED_FAILURES) {
                    failures.add(new Failure(id, bot, outcome));
                }
            }
            next += batch.size();
            context.save(
                    new JobProgress(next, (long) ids.size(), perBot, total),
                    new Checkpoint(ids, bots, next, failures),
                    () -> {});
        }
        Log.infof("Job %s (%s) done: %s", context.jobId(), KIND, total);
        return new Result(null, total, failures);
    }

    private static Map<String, Long> summariesPerBot(List<Selected> selected) {
        return selected.stream().collect(Collectors.groupingBy(Selected::bot, Collectors.counting()));
    }

    private static boolean isDone(String outcome) {
        return outcome.equals(REGENERATED) || outcome.equals(GONE);
    }

    /** "regenerated", "gone" (the summary was deleted) or the reason it failed. */
    private String regenerateOne(int id) {
        try {
            Optional<Integer> regenerated = regenerator.regenerate(id);
            return regenerated.isPresent() ? REGENERATED : GONE;
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String await(Future<String> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        }
    }

    /** The summaries the parameters select, newest first. */
    private List<Selected> select(Parameters filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, bot_name, user_id, start_timestamp AT TIME ZONE 'UTC' AS start_timestamp,
                       end_timestamp AT TIME ZONE 'UTC' AS end_timestamp, summary_type, message_count
                FROM conversation_summaries WHERE TRUE""");
        Map<String, Object> binds = new HashMap<>();
        where(sql, binds, "bot_name = :bot", "bot", filter.bot());
        where(sql, binds, "user_id = :user", "user", filter.userId());
        where(sql, binds, "end_timestamp > :from", "from", UtcTimestamps.naive(filter.from()));
        where(sql, binds, "start_timestamp < :to", "to", UtcTimestamps.naive(filter.to()));
        where(sql, binds, "summary_type = :type", "type", filter.summaryType());
        where(sql, binds, "confidence_score <= :confidence", "confidence", filter.maxConfidence());
        where(sql, binds, "enrichment_version < :version", "version", filter.enrichmentVersionBelow());
        where(
                sql,
                binds,
                "(summary_text LIKE :placeholder"
                        + " OR CAST(key_topics AS text[]) = ARRAY['general conversation']::text[])",
                "placeholder",
                Boolean.TRUE.equals(filter.onlyPlaceholders()) ? PLACEHOLDER_PATTERN : null);
        sql.append(" ORDER BY end_timestamp DESC, id DESC");
        if (filter.limit() != null) {
            sql.append(" LIMIT ").append(filter.limit().intValue());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = SqlRow.query(em, sql.toString());
            binds.forEach(query::setParameter);
            return SqlRow.all(query).stream()
                    .map(row -> new Selected(
                            row.intValue("id"),
                            row.text("bot_name"),
                            row.text("user_id"),
                            row.instant("start_timestamp"),
                            row.instant("end_timestamp"),
                            row.text("summary_type"),
                            row.intValue("message_count")))
                    .toList();
        });
    }

    /** Adds {@code AND condition}, binding {@code value} to the parameter {@code name}; nothing when it is null. */
    private static void where(
            StringBuilder sql, Map<String, Object> binds, String condition, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            binds.put(name, value);
        }
    }
}
