package dev.enrichment.pipeline;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.ConversationSourceException;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.MessageBatch;
import dev.enrichment.conversation.MessageQuery;
import dev.enrichment.llm.LlmException;
import dev.enrichment.pipeline.QuarantineStore.QuarantinedPoint;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Processes one claimed window: reads all its messages (every page, from every collection of the bot), skips it
 * when too small, otherwise analyses it and stores the result in one transaction. Any failure leaves nothing
 * written and schedules a retry; no placeholder is ever stored.
 */
@ApplicationScoped
public class WindowProcessor {

    private final ConversationSource source;
    private final WindowAnalyzer analyzer;
    private final WindowWriter writer;
    private final WindowQueue queue;
    private final PipelineConfig config;
    private final LlmOutage outage;
    private final LeaseKeeper leases;
    private final QuarantineStore quarantine;
    private final Clock clock;

    WindowProcessor(
            ConversationSource source,
            WindowAnalyzer analyzer,
            WindowWriter writer,
            WindowQueue queue,
            PipelineConfig config,
            LlmOutage outage,
            LeaseKeeper leases,
            QuarantineStore quarantine,
            Clock clock) {
        this.leases = leases;
        this.quarantine = quarantine;
        this.clock = clock;
        this.outage = outage;
        this.source = source;
        this.analyzer = analyzer;
        this.writer = writer;
        this.queue = queue;
        this.config = config;
    }

    /** Processes the window; failures are recorded on the window, never thrown. */
    public WindowResult process(ClaimedWindow claimed, List<BotCollection> botCollections) {
        leases.hold(claimed);
        try {
            return processHeld(claimed, botCollections);
        } finally {
            leases.letGo(claimed);
        }
    }

    /**
     * Processes windows of one bot and user together: each is read and, when too small, skipped on its own; the
     * others are analysed in as few calls as the input budget allows ({@link WindowAnalyzer#analyzeAll}) and each is
     * written in its own transaction. Every window ends as it would alone: stored, skipped, failed or released.
     */
    public List<WindowResult> processBatch(List<ClaimedWindow> claimed, List<BotCollection> botCollections) {
        if (claimed.size() == 1) {
            return List.of(process(claimed.get(0), botCollections));
        }
        claimed.forEach(leases::hold);
        try {
            WindowResult[] results = new WindowResult[claimed.size()];
            List<Integer> positions = new ArrayList<>();
            List<AnalysisInput> inputs = new ArrayList<>();
            List<List<Message>> read = new ArrayList<>();
            for (int i = 0; i < claimed.size(); i++) {
                ClaimedWindow window = claimed.get(i);
                try {
                    List<Message> messages = readWindow(window, botCollections);
                    if (messages.size() < config.minMessagesForSummary()) {
                        writer.writeSkipped(window, messages.size());
                        results[i] = new WindowResult(WindowOutcome.SKIPPED, null, null);
                    } else {
                        positions.add(i);
                        read.add(messages);
                        inputs.add(new AnalysisInput(
                                window.botName(), window.userId(), window.start(), window.end(), messages));
                    }
                } catch (RuntimeException e) {
                    results[i] = failed(window, e);
                }
            }
            List<WindowAnalyzer.BatchResult> parts = inputs.isEmpty() ? List.of() : analyzer.analyzeAll(inputs);
            // One failed call shared by several windows is one failure for the outage breaker, not one per window.
            Map<RuntimeException, Boolean> providerRefused = new IdentityHashMap<>();
            for (int k = 0; k < parts.size(); k++) {
                int i = positions.get(k);
                WindowAnalyzer.BatchResult part = parts.get(k);
                if (part.analysis() != null) {
                    results[i] = written(claimed.get(i), read.get(k), part.analysis());
                } else {
                    RuntimeException failure = part.failure();
                    boolean refused = providerRefused.computeIfAbsent(failure, this::providerRefuses);
                    results[i] = failed(claimed.get(i), failure, refused);
                }
            }
            return List.of(results);
        } finally {
            claimed.forEach(leases::letGo);
        }
    }

    private WindowResult processHeld(ClaimedWindow claimed, List<BotCollection> botCollections) {
        try {
            List<Message> messages = readWindow(claimed, botCollections);
            if (messages.size() < config.minMessagesForSummary()) {
                writer.writeSkipped(claimed, messages.size());
                return new WindowResult(WindowOutcome.SKIPPED, null, null);
            }
            WindowAnalysis analysis = analyzer.analyze(
                    new AnalysisInput(claimed.botName(), claimed.userId(), claimed.start(), claimed.end(), messages));
            return written(claimed, messages, analysis);
        } catch (RuntimeException e) {
            return failed(claimed, e);
        }
    }

    private WindowResult written(ClaimedWindow claimed, List<Message> messages, WindowAnalysis analysis) {
        try {
            writer.writeAnalysed(claimed, messages, analysis, "window re-analysed");
            outage.succeeded();
            return new WindowResult(WindowOutcome.ANALYSED, analysis, null);
        } catch (RuntimeException e) {
            return failed(claimed, e);
        }
    }

    private WindowResult failed(ClaimedWindow claimed, RuntimeException e) {
        return failed(claimed, e, providerRefuses(e));
    }

    /** Tells the outage breaker about an LLM failure; true when the provider refuses us (analysis pauses). */
    private boolean providerRefuses(RuntimeException e) {
        Optional<LlmException> llmFailure = llmFailure(e);
        return llmFailure.isPresent() && outage.failed(llmFailure.get());
    }

    /**
     * Records the failure on the window: released when the provider refuses us or Qdrant is unavailable, else a failed
     * attempt.
     */
    private WindowResult failed(ClaimedWindow claimed, RuntimeException e, boolean providerRefused) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (providerRefused) {
            // the provider refuses us: not this window's fault, so it keeps its attempt and waits
            queue.release(claimed, error);
            return new WindowResult(WindowOutcome.RELEASED, null, error);
        }
        if (e instanceof ConversationSourceException source && source.isOutage()) {
            // Qdrant is down or refuses us: the window keeps its attempt; the next cycle tries again
            queue.release(claimed, error);
            return new WindowResult(WindowOutcome.RELEASED, null, error);
        }
        Log.warnf(
                "Window %d (%s, %s) failed on attempt %d: %s",
                claimed.id(), claimed.botName(), claimed.start(), claimed.attempts() + 1, error);
        queue.fail(claimed, error);
        return new WindowResult(WindowOutcome.FAILED, null, error);
    }

    private static Optional<LlmException> llmFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LlmException llm) {
                return Optional.of(llm);
            }
        }
        return Optional.empty();
    }

    /**
     * The window's user and assistant messages, oldest first, each point once even if two collections hold it.
     * Points whose text cannot be used are set aside here: discovery reads no text, so this is where they show.
     */
    List<Message> readWindow(ClaimedWindow claimed, List<BotCollection> botCollections) {
        Map<String, Message> byId = new LinkedHashMap<>();
        for (BotCollection collection : botCollections) {
            if (!collection.botName().equals(claimed.botName())) {
                continue;
            }
            MessageQuery query = MessageQuery.all(collection)
                    .forUser(claimed.userId())
                    .from(claimed.start())
                    .until(claimed.end());
            MessageBatch batch = source.readAll(query);
            for (Message m : batch.messages()) {
                byId.putIfAbsent(m.pointId(), m);
            }
            if (!batch.rejected().isEmpty()) {
                List<QuarantinedPoint> setAside =
                        batch.rejected().stream().map(QuarantinedPoint::of).toList();
                QuarkusTransaction.requiringNew().run(() -> quarantine.record(collection, setAside, clock.instant()));
            }
        }
        List<Message> messages = new ArrayList<>(byId.values());
        messages.sort(Comparator.comparing(Message::timestamp).thenComparing(Message::pointId));
        return messages;
    }
}
