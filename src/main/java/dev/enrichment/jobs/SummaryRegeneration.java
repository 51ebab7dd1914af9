package dev.enrichment.jobs;

import dev.enrichment.BackgroundExecutors;
import dev.enrichment.pipeline.PipelineConfig;
import dev.enrichment.pipeline.SummaryRegenerator;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Bulk summary regeneration: selects stored summaries by filters and re-analyses them newest first, within the
 * worker's concurrency limit, each old text kept as a revision. A dry run reports counts and a token and cost
 * estimate. Failures are retried once individually; those still failing are reported.
 */
@ApplicationScoped
class SummaryRegeneration implements JobHandler {

    static final String KIND = "summary-regeneration";
    /** The old worker's fallback text: "Conversation with {n} messages between user and {bot}. Topics and ...". */
    static final String PLACEHOLDER_PATTERN = "Conversation with % messages between user and %. Topics and details "
            + "discussed.";
    private static final int MAX_REPORTED_FAILURES = 100;

    private final EntityManager em;
    private final SummaryRegenerator regenerator;
    private final PipelineConfig pipeline;
    /** Regenerations run in parallel, as many as the worker analyses windows (ENRICHMENT_CONCURRENCY). */
    private final ManagedExecutor regenerations;

    SummaryRegeneration(EntityManager em, SummaryRegenerator regenerator, PipelineConfig pipeline) {
        this.em = em;
        this.regenerator = regenerator;
        this.pipeline = pipeline;
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

    /** One selected summary. */
    record Selected(int id, String bot, String userId, Instant start, Instant end, String type, int messages) {
    }

    @Override
    public Map<String, Object> run(JobContext context) {
        return context.dryRun() ? plan(context) : regenerate(context);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> plan(JobContext context) {
        List<Selected> selected = select(context.parameters());
        JobsConfig config = context.config();
        long windows = selected.stream().map(s -> List.of(s.bot(), s.userId(), s.start(), s.end())).distinct().count();
        long messages = selected.stream().mapToLong(Selected::messages).sum();
        long promptTokens = messages * config.estimatedTokensPerMessage()
                + windows * config.estimatedPromptOverheadTokens();
        long completionTokens = windows * config.estimatedCompletionTokensPerWindow();
        double cost = promptTokens / 1_000_000d * pipeline.pricePerMillionPromptTokens()
                + completionTokens / 1_000_000d * pipeline.pricePerMillionCompletionTokens();
        Map<String, Object> perBot = new LinkedHashMap<>();
        for (Selected summary : selected) {
            ((Map<String, Object>) perBot.computeIfAbsent(summary.bot(), b -> new LinkedHashMap<>(Map.of(
                    "summaries", 0L)))).merge("summaries", 1L, JobMaps::plus);
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("summary_id", summary.id());
            sample.put("bot", summary.bot());
            sample.put("user_id", summary.userId());
            sample.put("window_start", summary.start().toString());
            sample.put("window_end", summary.end().toString());
            sample.put("summary_type", summary.type());
            sample.put("message_count", summary.messages());
            context.sample(sample);
        }
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("summaries", (long) selected.size());
        counters.put("windows", windows);
        counters.put("estimated_prompt_tokens", promptTokens);
        counters.put("estimated_completion_tokens", completionTokens);
        counters.put("estimated_cost_usd", Math.round(cost * 10_000) / 10_000d);
        context.save(new JobProgress(selected.size(), (long) selected.size(), perBot, counters), null, () -> { });
        return counters;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> regenerate(JobContext context) {
        Map<String, Object> checkpoint = context.checkpoint();
        List<Integer> ids;
        List<String> bots;
        int next;
        Map<String, Object> counters;
        Map<String, Object> perBot;
        List<Map<String, Object>> failures;
        if (checkpoint == null) {
            List<Selected> selected = select(context.parameters());
            ids = selected.stream().map(Selected::id).toList();
            bots = selected.stream().map(Selected::bot).toList();
            next = 0;
            counters = new LinkedHashMap<>(Map.of("summaries", (long) ids.size(), "regenerated", 0L,
                    "retried", 0L, "gone", 0L, "failed", 0L));
            perBot = new TreeMap<>();
            for (String bot : bots) {
                ((Map<String, Object>) perBot.computeIfAbsent(bot, b -> new LinkedHashMap<>(Map.of("summaries", 0L,
                        "regenerated", 0L, "gone", 0L, "failed", 0L)))).merge("summaries", 1L, JobMaps::plus);
            }
            failures = new ArrayList<>();
        } else {
            // Resumed: the selection made by the first run, so newly matching summaries do not shift positions.
            ids = ((List<Number>) checkpoint.get("ids")).stream().map(Number::intValue).toList();
            bots = (List<String>) checkpoint.get("bots");
            next = ((Number) checkpoint.get("next")).intValue();
            counters = new LinkedHashMap<>(context.savedCounters());
            perBot = JobMaps.deepCopy(context.savedPerBot());
            failures = new ArrayList<>((List<Map<String, Object>>) checkpoint.getOrDefault("failures", List.of()));
        }
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
                String outcome = await(outcomes.get(i));
                if (!isDone(outcome)) {
                    // Retried once on its own, after its batch: a busy window or a transient failure.
                    counters.merge("retried", 1L, JobMaps::plus);
                    outcome = regenerateOne(id);
                }
                String counted = isDone(outcome) ? outcome : "failed";
                counters.merge(counted, 1L, JobMaps::plus);
                ((Map<String, Object>) perBot.get(bots.get(next + i))).merge(counted, 1L, JobMaps::plus);
                if (!isDone(outcome) && failures.size() < MAX_REPORTED_FAILURES) {
                    failures.add(Map.of("summary_id", id, "bot", bots.get(next + i), "error", outcome));
                }
            }
            next += batch.size();
            Map<String, Object> newCheckpoint = new LinkedHashMap<>();
            newCheckpoint.put("ids", ids);
            newCheckpoint.put("bots", bots);
            newCheckpoint.put("next", next);
            newCheckpoint.put("failures", failures);
            context.save(new JobProgress(next, (long) ids.size(), JobMaps.deepCopy(perBot), Map.copyOf(counters)),
                    newCheckpoint, () -> { });
        }
        Map<String, Object> result = new LinkedHashMap<>(counters);
        result.put("not_regenerated", failures);
        Log.infof("Job %s (%s) done: %s", context.jobId(), KIND, counters);
        return result;
    }

    private static boolean isDone(String outcome) {
        return outcome.equals("regenerated") || outcome.equals("gone");
    }

    /** "regenerated", "gone" (the summary was deleted) or the reason it failed. */
    private String regenerateOne(int id) {
        try {
            Optional<Integer> regenerated = regenerator.regenerate(id);
            return regenerated.isPresent() ? "regenerated" : "gone";
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

    /** The summaries the filters select, newest first. */
    private List<Selected> select(Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, bot_name, user_id, start_timestamp, end_timestamp, summary_type, message_count
                FROM conversation_summaries WHERE TRUE""");
        List<Object> values = new ArrayList<>();
        condition(sql, values, parameters.get("bot"), " AND bot_name = ?");
        condition(sql, values, parameters.get("user_id"), " AND user_id = ?");
        condition(sql, values, naive(parameters.get("from")), " AND end_timestamp > ?");
        condition(sql, values, naive(parameters.get("to")), " AND start_timestamp < ?");
        condition(sql, values, parameters.get("summary_type"), " AND summary_type = ?");
        condition(sql, values, parameters.get("max_confidence") instanceof Number n ? n.doubleValue() : null,
                " AND confidence_score <= ?");
        condition(sql, values, parameters.get("enrichment_version_below"), " AND enrichment_version < ?");
        if (Boolean.TRUE.equals(parameters.get("only_placeholders"))) {
            sql.append(" AND (summary_text LIKE ?"
                    + " OR CAST(key_topics AS text[]) = ARRAY['general conversation']::text[])");
            values.add(PLACEHOLDER_PATTERN);
        }
        sql.append(" ORDER BY end_timestamp DESC, id DESC");
        if (parameters.get("limit") instanceof Number limit) {
            sql.append(" LIMIT ").append(limit.intValue());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            String text = sql.toString();
            for (int i = 1; i <= values.size(); i++) {
                text = text.replaceFirst("\\?(?!\\d)", "?" + i);
            }
            Query query = em.createNativeQuery(text);
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            List<Selected> selected = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                selected.add(new Selected(((Number) row[0]).intValue(), (String) row[1], (String) row[2],
                        instant(row[3]), instant(row[4]), (String) row[5], ((Number) row[6]).intValue()));
            }
            return selected;
        });
    }

    private static void condition(StringBuilder sql, List<Object> values, Object value, String clause) {
        if (value != null) {
            sql.append(clause);
            values.add(value);
        }
    }

    private static LocalDateTime naive(Object value) {
        return value == null ? null : LocalDateTime.ofInstant(Instant.parse(value.toString()), ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        LocalDateTime naive = value instanceof LocalDateTime l ? l : ((java.sql.Timestamp) value).toLocalDateTime();
        return naive.toInstant(ZoneOffset.UTC);
    }
}
