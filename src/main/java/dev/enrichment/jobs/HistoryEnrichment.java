package dev.enrichment.jobs;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.llm.LlmPrices;
import dev.enrichment.pipeline.ClaimedWindow;
import dev.enrichment.pipeline.HistoryWindows;
import dev.enrichment.pipeline.HistoryWindows.Phase;
import dev.enrichment.pipeline.HistoryWindows.PhaseScan;
import dev.enrichment.pipeline.HistoryWindows.PlannedWindow;
import dev.enrichment.pipeline.WindowAnalyzer.PromptEstimate;
import dev.enrichment.pipeline.WindowOutcome;
import dev.enrichment.pipeline.WindowResult;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * History enrichment: the windows of a chosen period that the worker never saw (discovery reads only LOOKBACK_DAYS
 * back) are marked and analysed phase by phase, newest first. A dry run reads the period and reports windows,
 * messages, estimated tokens and cost per phase; a live run marks a phase's windows for itself (the worker passes
 * them by), analyses them in batches under a token budget and a calls-per-minute limit, then goes on to the next
 * phase. Windows that already have a work item are never marked, so no window is analysed twice for history's sake.
 */
@ApplicationScoped
class HistoryEnrichment implements JobHandler<HistoryEnrichment.Parameters, HistoryEnrichment.Figures> {

    static final String KIND = "history-enrichment";

    private final HistoryWindows history;
    private final LlmPrices prices;
    private final JobsConfig config;
    private final CallPacer.Sleeper sleeper;

    HistoryEnrichment(HistoryWindows history, LlmPrices prices, JobsConfig config) {
        this.history = history;
        this.prices = prices;
        this.config = config;
        this.sleeper = duration -> Thread.sleep(duration.toMillis());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    /**
     * Which history to enrich and how fast; absent values take the {@code JOBS_HISTORY_*} defaults, {@code from} the
     * timestamp floor and {@code to} the job's start.
     */
    @RegisterForReflection
    record Parameters(
            Instant from,
            Instant to,
            List<String> bots,
            List<String> users,
            List<Integer> phaseDays,
            Long tokenBudget,
            Integer callsPerMinute,
            Integer batchMaxWindows) {}

    /**
     * One phase's figures: what the dry run found and estimated, and (live) what was done and spent. The estimate's
     * tokens are the prompt as the analyser formats it plus JOBS_ESTIMATED_COMPLETION_TOKENS_PER_WINDOW.
     */
    @RegisterForReflection
    record PhaseFigures(
            String phase,
            Instant from,
            Instant to,
            long windows,
            long messages,
            long windowsAlreadyKnown,
            long windowsTooSmall,
            long estimatedCalls,
            long estimatedPromptTokens,
            long estimatedCompletionTokens,
            double estimatedCostUsd,
            Long marked,
            Long analysed,
            Long skipped,
            Long failed,
            Long calls,
            Long promptTokens,
            Long completionTokens,
            Double costUsd) {

        PhaseFigures done(WindowResult result) {
            long calls = result.analysis() == null ? 0 : result.analysis().llmCalls();
            long prompt = result.analysis() == null ? 0 : result.analysis().promptTokens();
            long completion = result.analysis() == null ? 0 : result.analysis().completionTokens();
            WindowOutcome outcome = result.outcome();
            return new PhaseFigures(
                    phase,
                    from,
                    to,
                    windows,
                    messages,
                    windowsAlreadyKnown,
                    windowsTooSmall,
                    estimatedCalls,
                    estimatedPromptTokens,
                    estimatedCompletionTokens,
                    estimatedCostUsd,
                    marked,
                    analysed + (outcome == WindowOutcome.ANALYSED ? 1 : 0),
                    skipped + (outcome == WindowOutcome.SKIPPED ? 1 : 0),
                    failed + (outcome == WindowOutcome.FAILED || outcome == WindowOutcome.RELEASED ? 1 : 0),
                    this.calls + calls,
                    promptTokens + prompt,
                    completionTokens + completion,
                    null);
        }

        PhaseFigures marked(long count) {
            return new PhaseFigures(
                    phase,
                    from,
                    to,
                    windows,
                    messages,
                    windowsAlreadyKnown,
                    windowsTooSmall,
                    estimatedCalls,
                    estimatedPromptTokens,
                    estimatedCompletionTokens,
                    estimatedCostUsd,
                    count,
                    0L,
                    0L,
                    0L,
                    0L,
                    0L,
                    0L,
                    null);
        }

        PhaseFigures costed(LlmPrices prices) {
            return promptTokens == null
                    ? this
                    : new PhaseFigures(
                            phase,
                            from,
                            to,
                            windows,
                            messages,
                            windowsAlreadyKnown,
                            windowsTooSmall,
                            estimatedCalls,
                            estimatedPromptTokens,
                            estimatedCompletionTokens,
                            estimatedCostUsd,
                            marked,
                            analysed,
                            skipped,
                            failed,
                            calls,
                            promptTokens,
                            completionTokens,
                            round(prices.cost(promptTokens, completionTokens)));
        }

        long processed() {
            return analysed == null ? 0 : analysed + skipped + failed;
        }

        long tokens() {
            return promptTokens == null ? 0 : promptTokens + completionTokens;
        }
    }

    /** Windows and messages per bot, as planned. */
    @RegisterForReflection
    record BotFigures(long windows, long messages) {}

    /** One planned window, for a dry run's sample. */
    @RegisterForReflection
    record Planned(String phase, String bot, String userId, Instant windowStart, int messages) {}

    /**
     * The job's counters and result: totals over the phases, and each phase's figures, newest first.
     *
     * @param budgetReached a live run that stopped because the token budget was spent; its remaining windows were
     *     unmarked and a later run with a larger budget picks them up
     */
    @RegisterForReflection
    record Figures(
            Instant from,
            Instant to,
            long windows,
            long messages,
            long estimatedPromptTokens,
            long estimatedCompletionTokens,
            double estimatedCostUsd,
            Long analysed,
            Long promptTokens,
            Long completionTokens,
            Double costUsd,
            Boolean budgetReached,
            List<PhaseFigures> phases) {}

    /** Where a resumed live run continues: the resolved period, the phase, and whether its windows are marked. */
    @RegisterForReflection
    record Checkpoint(Instant from, Instant to, int phase, boolean marked, List<PhaseFigures> phases) {}

    @Override
    public Figures run(JobContext<Parameters> context) {
        Parameters p = context.parameters();
        Checkpoint saved = context.checkpoint(Checkpoint.class).orElse(null);
        Instant to = saved != null
                ? saved.to()
                : p.to() != null ? p.to() : context.clock().instant();
        Instant from = saved != null ? saved.from() : p.from() != null ? p.from() : history.floor();
        List<Integer> phaseDays =
                p.phaseDays() != null ? p.phaseDays() : config.history().phaseDays();
        int batch = p.batchMaxWindows() != null
                ? p.batchMaxWindows()
                : config.history().batchMaxWindows();
        List<BotCollection> collections = history.collections(set(p.bots()));
        Set<String> users = set(p.users());
        List<Phase> phases = history.phases(from, to, phaseDays);

        // Both runs read the whole period first: the dry run to report it, the live run to know its total (for
        // progress and ETA) and to keep each phase's estimate next to what it spent.
        List<PhaseScan> scans = new ArrayList<>();
        List<PhaseFigures> figures = new ArrayList<>();
        Map<String, BotFigures> perBot = new TreeMap<>();
        for (Phase phase : phases) {
            context.stopIfCancelled();
            PhaseScan scan = history.scan(collections, phase, users);
            scans.add(scan);
            figures.add(estimate(scan, batch));
            scan.windows()
                    .forEach((bot, windows) -> perBot.merge(
                            bot,
                            new BotFigures(
                                    windows.size(),
                                    windows.stream()
                                            .mapToLong(PlannedWindow::messages)
                                            .sum()),
                            (a, b) -> new BotFigures(a.windows() + b.windows(), a.messages() + b.messages())));
        }
        long total = figures.stream().mapToLong(PhaseFigures::windows).sum();
        if (context.dryRun()) {
            for (PhaseScan scan : scans) {
                scan.windows()
                        .forEach((bot, windows) -> windows.forEach(w -> context.sample(new Planned(
                                scan.phase().name(), bot, w.userId(), w.window().start(), w.messages()))));
            }
            Figures result = figures(from, to, figures, null);
            context.save(new JobProgress(total, total, perBot, result), null, () -> {});
            return result;
        }
        if (saved != null && saved.phases().size() == figures.size()) {
            // Resumed: what the interrupted run already did stays counted.
            figures = new ArrayList<>(saved.phases());
        }
        return enrich(context, from, to, scans, figures, perBot, total, collections, batch, saved);
    }

    private Figures enrich(
            JobContext<Parameters> context,
            Instant from,
            Instant to,
            List<PhaseScan> scans,
            List<PhaseFigures> figures,
            Map<String, BotFigures> perBot,
            long total,
            List<BotCollection> collections,
            int batch,
            Checkpoint saved) {
        Parameters p = context.parameters();
        long budget =
                p.tokenBudget() != null ? p.tokenBudget() : config.history().tokenBudget();
        int perMinute = p.callsPerMinute() != null
                ? p.callsPerMinute()
                : config.history().callsPerMinute();
        CallPacer pacer = new CallPacer(perMinute, context.clock(), sleeper);
        String owner = "history/" + context.jobId();
        boolean budgetReached = false;
        try {
            int first = saved == null ? 0 : saved.phase();
            for (int i = first; i < scans.size() && !budgetReached; i++) {
                PhaseScan scan = scans.get(i);
                if (saved == null || i > saved.phase() || !saved.marked()) {
                    long marked = 0;
                    for (Map.Entry<String, List<PlannedWindow>> bot :
                            scan.windows().entrySet()) {
                        marked += history.mark(context.jobId(), bot.getKey(), bot.getValue());
                    }
                    figures.set(i, figures.get(i).marked(marked));
                    save(context, figures, perBot, total, from, to, i, true, false);
                }
                while (true) {
                    context.stopIfCancelled();
                    if (spent(figures) >= budget) {
                        budgetReached = true;
                        break;
                    }
                    pacer.awaitSlot();
                    List<ClaimedWindow> claimed = history.claim(context.jobId(), owner, scan.phase(), batch);
                    if (claimed.isEmpty()) {
                        break;
                    }
                    List<WindowResult> results = history.process(claimed, collections);
                    PhaseFigures phase = figures.get(i);
                    for (WindowResult result : results) {
                        phase = phase.done(result);
                    }
                    pacer.record(Math.max(1, phase.calls() - figures.get(i).calls()));
                    figures.set(i, phase);
                    save(context, figures, perBot, total, from, to, i, true, false);
                    if (results.stream().allMatch(r -> r.outcome() == WindowOutcome.RELEASED)) {
                        // Every window given back: the provider refuses or fails every call, and going on would
                        // only claim the same windows again.
                        throw new IllegalStateException("the LLM provider refuses or fails every call: "
                                + results.get(0).error());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } finally {
            // Ended (done, budget spent, cancelled or failed): untried windows are unmarked, the others are the
            // worker's. A process that dies never gets here, so a resumed run finds its windows still held.
            int unmarked = history.release(context.jobId());
            if (unmarked > 0) {
                Log.infof("Job %s (%s): %d windows not analysed were unmarked", context.jobId(), KIND, unmarked);
            }
        }
        Figures result = figures(from, to, figures, budgetReached);
        save(context, figures, perBot, total, from, to, scans.size(), true, budgetReached);
        Log.infof("Job %s (%s) done: %s", context.jobId(), KIND, result);
        return result;
    }

    private void save(
            JobContext<Parameters> context,
            List<PhaseFigures> figures,
            Map<String, BotFigures> perBot,
            long total,
            Instant from,
            Instant to,
            int phase,
            boolean marked,
            boolean budgetReached) {
        long done = figures.stream().mapToLong(PhaseFigures::processed).sum();
        List<PhaseFigures> costed = figures.stream().map(f -> f.costed(prices)).toList();
        context.save(
                new JobProgress(done, total, perBot, figures(from, to, costed, budgetReached)),
                new Checkpoint(from, to, phase, marked, costed),
                () -> {});
    }

    private PhaseFigures estimate(PhaseScan scan, int batch) {
        PromptEstimate estimate = PromptEstimate.NONE;
        for (Map.Entry<String, List<PlannedWindow>> bot : scan.windows().entrySet()) {
            estimate = estimate.plus(history.estimate(bot.getKey(), bot.getValue(), batch));
        }
        long windows = scan.windowCount();
        long completion = windows * config.estimatedCompletionTokensPerWindow();
        return new PhaseFigures(
                scan.phase().name(),
                scan.phase().from(),
                scan.phase().to(),
                windows,
                scan.messageCount(),
                scan.known(),
                scan.tooSmall(),
                estimate.calls(),
                estimate.promptTokens(),
                completion,
                round(prices.cost(estimate.promptTokens(), completion)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private Figures figures(Instant from, Instant to, List<PhaseFigures> phases, Boolean budgetReached) {
        List<PhaseFigures> costed = phases.stream().map(f -> f.costed(prices)).toList();
        boolean live = costed.stream().anyMatch(f -> f.promptTokens() != null);
        long prompt = costed.stream()
                .mapToLong(f -> f.promptTokens() == null ? 0 : f.promptTokens())
                .sum();
        long completion = costed.stream()
                .mapToLong(f -> f.completionTokens() == null ? 0 : f.completionTokens())
                .sum();
        long estimatedPrompt =
                costed.stream().mapToLong(PhaseFigures::estimatedPromptTokens).sum();
        long estimatedCompletion = costed.stream()
                .mapToLong(PhaseFigures::estimatedCompletionTokens)
                .sum();
        return new Figures(
                from,
                to,
                costed.stream().mapToLong(PhaseFigures::windows).sum(),
                costed.stream().mapToLong(PhaseFigures::messages).sum(),
                estimatedPrompt,
                estimatedCompletion,
                round(prices.cost(estimatedPrompt, estimatedCompletion)),
                live
                        ? costed.stream()
                                .mapToLong(f -> f.analysed() == null ? 0 : f.analysed())
                                .sum()
                        : null,
                live ? prompt : null,
                live ? completion : null,
                live ? round(prices.cost(prompt, completion)) : null,
                budgetReached,
                costed);
    }

    private static long spent(List<PhaseFigures> figures) {
        return figures.stream().mapToLong(PhaseFigures::tokens).sum();
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }

    private static double round(double usd) {
        return Math.round(usd * 10_000) / 10_000d;
    }
}
