package dev.enrichment.pipeline;

import dev.enrichment.BackgroundExecutors;
import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.llm.UsageTotals;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * One enrichment cycle: list the bot collections (one request), discover what is new in each (one paged scroll
 * each), then analyse every ready window with ENRICHMENT_CONCURRENCY workers, then (ENRICHMENT_ROLLUPS_ENABLED)
 * build the weekly and monthly rollups whose days changed and have settled. Single-flight: the scheduler and the
 * admin trigger share {@link #run()}, which refuses to start a second cycle in this process.
 */
@ApplicationScoped
public class EnrichmentCycle {

    private final ConversationSource source;
    private final Discovery discovery;
    private final WindowQueue queue;
    private final WindowProcessor processor;
    private final RollupBuilder rollups;
    private final LlmClient llm;
    private final EnrichmentMetrics metrics;
    private final PipelineConfig config;
    private final LlmOutage outage;
    private final Clock clock;
    private final Instance<CycleStep> steps;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final String owner = ownerId();
    private volatile CycleOutcome last;
    /** The window workers, ENRICHMENT_CONCURRENCY at most; an admin-started cycle runs on one of them. */
    private final ManagedExecutor workers;

    EnrichmentCycle(
            ConversationSource source,
            Discovery discovery,
            WindowQueue queue,
            WindowProcessor processor,
            RollupBuilder rollups,
            LlmClient llm,
            EnrichmentMetrics metrics,
            PipelineConfig config,
            LlmOutage outage,
            Clock clock,
            @Any Instance<CycleStep> steps) {
        this.source = source;
        this.steps = steps;
        this.outage = outage;
        this.discovery = discovery;
        this.queue = queue;
        this.processor = processor;
        this.rollups = rollups;
        this.llm = llm;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.workers = BackgroundExecutors.atMost(config.concurrency());
    }

    @PreDestroy
    void shutDown() {
        workers.shutdownNow();
    }

    /**
     * Runs a cycle now.
     *
     * @throws CycleAlreadyRunningException when one is already running in this process
     */
    public CycleOutcome run() {
        if (!running.compareAndSet(false, true)) {
            throw new CycleAlreadyRunningException();
        }
        try {
            return runCycle();
        } finally {
            running.set(false);
        }
    }

    /**
     * Starts a cycle on a background thread, as the admin trigger does; false when one is already running. Shares
     * the single-flight guard with {@link #run()}.
     */
    public boolean startInBackground() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        workers.execute(() -> {
            try {
                runCycle();
            } catch (RuntimeException e) {
                Log.errorf(e, "Admin-started enrichment cycle failed");
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The last finished cycle's outcome, whether it completed or failed, if any. */
    public Optional<CycleOutcome> lastOutcome() {
        return Optional.ofNullable(last);
    }

    /** This process's lease owner id. */
    public String owner() {
        return owner;
    }

    /** Stops claiming new windows and gives back the ones not finished; called at shutdown. */
    public void stop() {
        stopping.set(true);
        int released = queue.releaseAll(owner);
        if (released > 0) {
            Log.infof("Released %d claimed windows at shutdown", released);
        }
    }

    private CycleOutcome runCycle() {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        long qdrantBefore = source.requestCount();
        UsageTotals llmBefore = llm.usage();
        Tally tally = new Tally();

        List<BotCollection> collections;
        try {
            collections = source.botCollections();
        } catch (RuntimeException e) {
            Log.warnf("Enrichment cycle: cannot list Qdrant collections: %s", e.getMessage());
            return finish(outcome(
                    started,
                    nanos,
                    tally,
                    qdrantBefore,
                    llmBefore,
                    "cannot list Qdrant collections: " + e.getMessage()));
        }
        tally.collections = collections.size();
        try {
            for (BotCollection collection : collections) {
                if (stopping.get()) {
                    break;
                }
                try {
                    DiscoveryOutcome found = discovery.discover(collection);
                    tally.newMessages += found.newMessages();
                    tally.marked += found.windowsMarked();
                } catch (RuntimeException e) {
                    tally.failedCollections++;
                    Log.warnf(
                            "Discovery of %s failed, retried next cycle: %s",
                            collection.collectionName(), e.getMessage());
                }
            }
            processReady(owner, collections, tally.work);
            if (config.rollups().enabled() && !stopping.get()) {
                buildRollups(owner, tally.work);
            }
            if (!stopping.get()) {
                runSteps();
            }
        } catch (RuntimeException e) {
            // Still the last cycle an admin must see; the caller (scheduler or admin thread) reports the exception.
            finish(outcome(started, nanos, tally, qdrantBefore, llmBefore, messageOf(e)));
            throw e;
        }
        CycleOutcome outcome = finish(outcome(started, nanos, tally, qdrantBefore, llmBefore, null));
        metrics.refreshBacklog();
        Log.infof(
                "Enrichment cycle: %d collections (%d failed), %d new messages, %d windows marked; windows "
                        + "analysed %d, skipped %d, failed %d; rollups built %d, failed %d; LLM calls %d, "
                        + "tokens %d+%d; Qdrant requests %d; %d ms",
                outcome.collections(),
                outcome.collectionsFailed(),
                outcome.newMessages(),
                outcome.windowsMarked(),
                outcome.analysed(),
                outcome.skipped(),
                outcome.failed(),
                outcome.rollupsBuilt(),
                outcome.rollupsFailed(),
                outcome.llmCalls(),
                outcome.promptTokens(),
                outcome.completionTokens(),
                outcome.qdrantRequests(),
                outcome.duration().toMillis());
        return outcome;
    }

    /** The other features' steps (the search index); each one's failure is its own, never the cycle's. */
    private void runSteps() {
        for (CycleStep step : steps) {
            try {
                CycleStepOutcome outcome = step.run();
                if (!outcome.idle()) {
                    Log.infof(
                            "Enrichment cycle step %s: %d done, %d failed",
                            outcome.step(), outcome.done(), outcome.failed());
                }
            } catch (RuntimeException e) {
                Log.warnf("Enrichment cycle step %s failed, retried next cycle: %s", step, e.getMessage());
            }
        }
    }

    /** Records the cycle as the last one, whatever its outcome, and counts it. */
    private CycleOutcome finish(CycleOutcome outcome) {
        last = outcome;
        metrics.recordCycle(outcome, outcome.completed());
        return outcome;
    }

    private static String messageOf(RuntimeException e) {
        String message = e.getMessage();
        if (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null) {
            message = message + ": " + e.getCause().getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /**
     * Claims and processes ready windows with ENRICHMENT_CONCURRENCY workers until none is ready. Each worker
     * claims one window at a time, so a stop never leaves claimed windows waiting in a queue.
     */
    public WorkTotals processReady(String leaseOwner, List<BotCollection> collections) {
        return processReady(leaseOwner, collections, new WorkTotals());
    }

    /**
     * As {@link #processReady(String, List)}, counting into {@code totals}, which keep what was done if it fails. The
     * calling thread is one of the ENRICHMENT_CONCURRENCY workers: an admin-started cycle, already on a worker slot,
     * needs no other, and two cycles in one process (tests stand in for replicas this way) both take part.
     */
    private WorkTotals processReady(String leaseOwner, List<BotCollection> collections, WorkTotals totals) {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 1; i < config.concurrency(); i++) {
            running.add(workers.submit(() -> work(leaseOwner, collections, totals)));
        }
        // This thread's share, run now; a failure is reported like any other worker's.
        running.add(CompletableFuture.runAsync(() -> work(leaseOwner, collections, totals), Runnable::run));
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.set(true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("window worker failed", e.getCause());
        }
        return totals;
    }

    /**
     * Builds every due rollup with up to ENRICHMENT_CONCURRENCY workers. This thread claims first, so a cycle with
     * nothing to roll up costs exactly one statement; the other workers start only when there is work.
     */
    private void buildRollups(String leaseOwner, WorkTotals totals) {
        Optional<ClaimedRollup> first = rollups.claimNext(leaseOwner);
        if (first.isEmpty()) {
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int i = 1; i < config.concurrency(); i++) {
            running.add(workers.submit(() -> buildRollups(leaseOwner, Optional.empty(), totals)));
        }
        running.add(CompletableFuture.runAsync(() -> buildRollups(leaseOwner, first, totals), Runnable::run));
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.set(true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rollup worker failed", e.getCause());
        }
    }

    private void buildRollups(String leaseOwner, Optional<ClaimedRollup> first, WorkTotals totals) {
        Optional<ClaimedRollup> claimed = first.isPresent() ? first : rollups.claimNext(leaseOwner);
        while (claimed.isPresent()) {
            totals.add(rollups.build(claimed.get()));
            if (stopping.get()) {
                return;
            }
            claimed = rollups.claimNext(leaseOwner);
        }
    }

    private void work(String leaseOwner, List<BotCollection> collections, WorkTotals totals) {
        while (!stopping.get()) {
            if (!outage.mayAnalyse()) {
                // the provider is failing: windows stay pending until the pause ends
                return;
            }
            Optional<ClaimedWindow> claimed = queue.claimNext(leaseOwner);
            if (claimed.isEmpty()) {
                return;
            }
            // A backlog (first run, regeneration) often holds several windows of one user: they share one call.
            List<ClaimedWindow> batch = new ArrayList<>();
            batch.add(claimed.get());
            batch.addAll(queue.claimSiblings(claimed.get(), config.batchMaxWindows() - 1));
            boolean released = false;
            for (WindowResult result : processor.processBatch(batch, collections)) {
                totals.add(result.outcome());
                released |= result.outcome() == WindowOutcome.RELEASED;
            }
            if (released) {
                // a dependency is failing for everyone: claiming more would only hand them back too
                return;
            }
        }
    }

    private CycleOutcome outcome(
            Instant started, long nanos, Tally tally, long qdrantBefore, UsageTotals llmBefore, String error) {
        UsageTotals llmAfter = llm.usage();
        WorkTotals work = tally.work;
        return new CycleOutcome(
                started,
                Duration.ofNanos(System.nanoTime() - nanos),
                error,
                tally.collections,
                tally.failedCollections,
                tally.newMessages,
                tally.marked,
                work.analysed.get(),
                work.skipped.get(),
                work.failed.get(),
                work.rollupsBuilt.get(),
                work.rollupsFailed.get(),
                llmAfter.calls() - llmBefore.calls(),
                llmAfter.promptTokens() - llmBefore.promptTokens(),
                llmAfter.completionTokens() - llmBefore.completionTokens(),
                source.requestCount() - qdrantBefore);
    }

    private static String ownerId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a cycle has done so far; read when it ends, normally or not. Only the cycle's thread writes it. */
    private static final class Tally {
        int collections;
        int failedCollections;
        long newMessages;
        int marked;
        final WorkTotals work = new WorkTotals();
    }

    /** Window outcomes counted across workers. */
    public static final class WorkTotals {
        final AtomicInteger analysed = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger rollupsBuilt = new AtomicInteger();
        final AtomicInteger rollupsFailed = new AtomicInteger();

        void add(RollupOutcome outcome) {
            if (outcome == RollupOutcome.BUILT) {
                rollupsBuilt.incrementAndGet();
            } else if (outcome == RollupOutcome.FAILED) {
                rollupsFailed.incrementAndGet();
            }
        }

        void add(WindowOutcome outcome) {
            switch (outcome) {
                case ANALYSED -> analysed.incrementAndGet();
                case SKIPPED -> skipped.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
                case RELEASED -> released.incrementAndGet();
                default -> throw new IllegalStateException(outcome.name());
            }
        }

        public int analysed() {
            return analysed.get();
        }

        public int skipped() {
            return skipped.get();
        }

        public int failed() {
            return failed.get();
        }
    }
}
