package dev.enrichment.pipeline;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.Message;
import dev.enrichment.summary.SummaryReader;
import dev.enrichment.summary.SummaryView;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Re-analyses a stored summary's window now, at an admin's request: its messages are read again, the new content
 * replaces the old (which goes to the revisions) in one transaction. When the analysis fails nothing changes.
 */
@ApplicationScoped
public class SummaryRegenerator {

    static final String REASON = "regenerated on request";

    private final ConversationSource source;
    private final WindowQueue queue;
    private final WindowProcessor processor;
    private final WindowAnalyzer analyzer;
    private final WindowWriter writer;
    private final SummaryReader summaries;
    private final LeaseKeeper leases;

    SummaryRegenerator(
            ConversationSource source,
            WindowQueue queue,
            WindowProcessor processor,
            WindowAnalyzer analyzer,
            WindowWriter writer,
            SummaryReader summaries,
            LeaseKeeper leases) {
        this.leases = leases;
        this.source = source;
        this.queue = queue;
        this.processor = processor;
        this.analyzer = analyzer;
        this.writer = writer;
        this.summaries = summaries;
    }

    /**
     * Regenerates the summary; empty when there is no such summary.
     *
     * @throws WindowBusyException while a worker is analysing that window
     * @throws AnalysisFailedException when no analysis could be obtained; the old summary is untouched
     */
    public Optional<Integer> regenerate(int summaryId) {
        SummaryView summary = QuarkusTransaction.requiringNew()
                .call(() -> summaries.find(summaryId))
                .orElse(null);
        if (summary == null) {
            return Optional.empty();
        }
        String owner = "regenerate/" + UUID.randomUUID();
        ClaimedWindow claimed = queue.claimForRegeneration(
                        summary.bot(), summary.userId(), summary.start(), summary.end(), owner)
                .orElseThrow(() -> new WindowBusyException(
                        "summary " + summaryId + "'s window is being analysed right now; try again shortly"));
        leases.hold(claimed);
        try {
            List<BotCollection> collections = source.botCollections();
            List<Message> messages = processor.readWindow(claimed, collections);
            if (messages.isEmpty()) {
                throw new AnalysisFailedException(
                        "the window's messages are no longer in Qdrant; the summary is kept", false, null);
            }
            WindowAnalysis analysis = analyzer.analyze(
                    new AnalysisInput(claimed.botName(), claimed.userId(), claimed.start(), claimed.end(), messages));
            int id = writer.writeAnalysed(claimed, messages, analysis, REASON);
            Log.infof("Summary %d regenerated (%d messages, %s)", id, messages.size(), analysis.model());
            return Optional.of(id);
        } catch (RuntimeException e) {
            queue.abandon(claimed);
            throw e;
        } finally {
            leases.letGo(claimed);
        }
    }
}
