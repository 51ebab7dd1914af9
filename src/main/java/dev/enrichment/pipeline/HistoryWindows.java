package dev.enrichment.pipeline;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.MessageQuery;
import dev.enrichment.pipeline.WindowAnalyzer.PromptEstimate;
import dev.enrichment.pipeline.WindowAnalyzer.WindowSize;
import dev.enrichment.pipeline.WindowQueue.HistoryWindow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a history-enrichment job needs of the pipeline: a period cut into phases on the window grid, the windows of a
 * phase that have no work item yet (read from Qdrant, sized as the analyser will send them), marking them for the
 * job, and claiming and processing them in batches as the worker does.
 */
@ApplicationScoped
public class HistoryWindows {

    private final ConversationSource source;
    private final WindowAnalyzer analyzer;
    private final WindowQueue queue;
    private final WindowProcessor processor;
    private final PipelineConfig config;
    private final EntityManager em;
    private final WindowGrid grid;

    HistoryWindows(
            ConversationSource source,
            WindowAnalyzer analyzer,
            WindowQueue queue,
            WindowProcessor processor,
            PipelineConfig config,
            EntityManager em,
            WindowGrid grid) {
        this.source = source;
        this.analyzer = analyzer;
        this.queue = queue;
        this.processor = processor;
        this.config = config;
        this.em = em;
        this.grid = grid;
    }

    /** The first instant history can reach: ENRICHMENT_TIMESTAMP_FLOOR. */
    public Instant floor() {
        return config.timestampFloor();
    }

    /**
     * {@code [from, to)} cut into phases, newest first: the last {@code phaseDays[0]} days before {@code to}, then up to
     * {@code phaseDays[1]}, and so on, then everything older. Bounds are moved to window starts, so that each window
     * falls in exactly one phase; phases left empty are dropped.
     */
    public List<Phase> phases(Instant from, Instant to, List<Integer> phaseDays) {
        Instant end = grid.windowOf(to).start();
        Instant start = grid.windowOf(from).start();
        List<Phase> phases = new ArrayList<>();
        Instant upper = end;
        int previousDays = 0;
        for (int days : phaseDays.stream().sorted().distinct().toList()) {
            Instant lower =
                    max(start, grid.windowOf(end.minus(Duration.ofDays(days))).start());
            if (lower.isBefore(upper)) {
                phases.add(new Phase(previousDays + "-" + days + "d", lower, upper));
                upper = lower;
            }
            previousDays = days;
        }
        if (start.isBefore(upper)) {
            phases.add(new Phase(previousDays == 0 ? "all" : previousDays + "d+", start, upper));
        }
        return phases;
    }

    /** The bot collections, only those of {@code bots} when it is not empty. */
    public List<BotCollection> collections(Set<String> bots) {
        return source.botCollections().stream()
                .filter(c -> bots.isEmpty() || bots.contains(c.botName()))
                .toList();
    }

    /**
     * The windows of the phase worth analysing that have no work item yet, per bot (sorted by user, then start):
     * every page of every collection read, each point once per bot, windows with fewer than MIN_MESSAGES_FOR_SUMMARY
     * messages left out. {@code users} empty means all.
     */
    public PhaseScan scan(List<BotCollection> collections, Phase phase, Set<String> users) {
        Map<String, List<BotCollection>> byBot = collections.stream()
                .collect(Collectors.groupingBy(BotCollection::botName, TreeMap::new, Collectors.toList()));
        Map<String, List<PlannedWindow>> planned = new TreeMap<>();
        long known = 0;
        long tooSmall = 0;
        for (Map.Entry<String, List<BotCollection>> bot : byBot.entrySet()) {
            Map<WindowKey, Tally> tallies = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (BotCollection collection : bot.getValue()) {
                MessageQuery query =
                        MessageQuery.all(collection).from(phase.from()).until(phase.to());
                if (users.size() == 1) {
                    query = query.forUser(users.iterator().next());
                }
                source.forEachPage(query, page -> {
                    for (Message m : page.messages()) {
                        if ((users.isEmpty() || users.contains(m.userId())) && seen.add(m.pointId())) {
                            tallies.computeIfAbsent(
                                            new WindowKey(m.userId(), grid.windowOf(m.timestamp())), k -> new Tally())
                                    .add(m, analyzer.transcriptChars(bot.getKey(), m));
                        }
                    }
                });
            }
            Set<WindowKey> existing = existing(bot.getKey(), phase);
            List<PlannedWindow> windows = new ArrayList<>();
            for (Map.Entry<WindowKey, Tally> entry : tallies.entrySet()) {
                WindowKey key = entry.getKey();
                Tally tally = entry.getValue();
                if (existing.contains(key)) {
                    known++;
                } else if (tally.messages < config.minMessagesForSummary()) {
                    tooSmall++;
                } else {
                    windows.add(
                            new PlannedWindow(key.userId(), key.window(), tally.messages, tally.chars, tally.newest));
                }
            }
            windows.sort(Comparator.comparing(PlannedWindow::userId)
                    .thenComparing(w -> w.window().start()));
            if (!windows.isEmpty()) {
                planned.put(bot.getKey(), List.copyOf(windows));
            }
        }
        return new PhaseScan(phase, Collections.unmodifiableMap(planned), known, tooSmall);
    }

    /**
     * The calls and prompt tokens these windows of one bot would take, grouped as {@link #claim} and the analyser
     * will group them: per user, newest first, {@code batchMaxWindows} at a time.
     */
    public PromptEstimate estimate(String bot, List<PlannedWindow> windows, int batchMaxWindows) {
        Map<String, List<PlannedWindow>> byUser = new LinkedHashMap<>();
        windows.forEach(
                w -> byUser.computeIfAbsent(w.userId(), u -> new ArrayList<>()).add(w));
        PromptEstimate total = PromptEstimate.NONE;
        for (List<PlannedWindow> userWindows : byUser.values()) {
            List<PlannedWindow> newestFirst = new ArrayList<>(userWindows);
            newestFirst.sort(
                    Comparator.comparing((PlannedWindow w) -> w.window().start())
                            .reversed());
            for (int i = 0; i < newestFirst.size(); i += batchMaxWindows) {
                List<PlannedWindow> claim =
                        new ArrayList<>(newestFirst.subList(i, Math.min(newestFirst.size(), i + batchMaxWindows)));
                Collections.reverse(claim);
                List<WindowSize> sizes = claim.stream()
                        .map(w ->
                                new WindowSize(w.window().start(), w.window().end(), w.messages(), w.transcriptChars()))
                        .toList();
                total = total.plus(analyzer.estimate(bot, sizes, batchMaxWindows));
            }
        }
        return total;
    }

    /** Marks the windows for the job (only those still without a work item); returns how many were marked. */
    public int mark(UUID job, String bot, List<PlannedWindow> windows) {
        return queue.markForJob(
                job,
                bot,
                windows.stream()
                        .map(w -> new HistoryWindow(w.userId(), w.window(), w.newestMessage()))
                        .toList());
    }

    /** Leases the job's next windows in the phase: the newest ready one and more of its bot and user. */
    public List<ClaimedWindow> claim(UUID job, String owner, Phase phase, int batchMaxWindows) {
        return queue.claimForJob(job, owner, phase.from(), phase.to(), batchMaxWindows);
    }

    /** Analyses and stores claimed windows as the worker does, in one batch. */
    public List<WindowResult> process(List<ClaimedWindow> claimed, List<BotCollection> collections) {
        return processor.processBatch(claimed, collections);
    }

    /** Ends the job's hold on its windows; see {@link WindowQueue#releaseJob}. */
    public int release(UUID job) {
        return queue.releaseJob(job);
    }

    private Set<WindowKey> existing(String bot, Phase phase) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<WindowKey> keys = new HashSet<>();
            for (var row : dev.enrichment.SqlRow.all(dev.enrichment.SqlRow.query(em, """
                            SELECT user_id, window_start, window_end FROM enrichment_windows
                            WHERE bot_name = :bot AND window_start >= :from AND window_start < :to
                            """)
                    .setParameter("bot", bot)
                    .setParameter("from", phase.from())
                    .setParameter("to", phase.to()))) {
                keys.add(new WindowKey(
                        row.text("user_id"), new TimeWindow(row.instant("window_start"), row.instant("window_end"))));
            }
            return keys;
        });
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** One phase of a history period: {@code [from, to)}, named after its distance from the period's end. */
    public record Phase(String name, Instant from, Instant to) {}

    /** A window a history job would mark: its user, its cell, its message count and transcript size. */
    public record PlannedWindow(
            String userId, TimeWindow window, int messages, long transcriptChars, Instant newestMessage) {}

    /**
     * A phase's windows to analyse per bot, and how many were left out because they already have a work item
     * ({@code known}) or too few messages ({@code tooSmall}).
     */
    public record PhaseScan(Phase phase, Map<String, List<PlannedWindow>> windows, long known, long tooSmall) {

        public long windowCount() {
            return windows.values().stream().mapToLong(List::size).sum();
        }

        public long messageCount() {
            return windows.values().stream()
                    .flatMap(List::stream)
                    .mapToLong(PlannedWindow::messages)
                    .sum();
        }
    }

    private record WindowKey(String userId, TimeWindow window) {}

    /** Messages of one window as they are read: count, transcript characters, newest time. */
    private static final class Tally {
        int messages;
        long chars;
        Instant newest;

        void add(Message m, int transcriptChars) {
            messages++;
            chars += transcriptChars;
            if (newest == null || m.timestamp().isAfter(newest)) {
                newest = m.timestamp();
            }
        }
    }
}
