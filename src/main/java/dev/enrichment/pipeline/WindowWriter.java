package dev.enrichment.pipeline;

import dev.enrichment.conversation.Message;
import dev.enrichment.fact.FactSource;
import dev.enrichment.fact.FactWriter;
import dev.enrichment.preference.PreferenceWriter;
import dev.enrichment.summary.RevisionNote;
import dev.enrichment.summary.SummaryDraft;
import dev.enrichment.summary.SummaryWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores one analysed window in one transaction: summary (old content to revisions), facts, preferences, the marks
 * of the week and month rollups above it and the window's new status change together or not at all.
 */
@ApplicationScoped
public class WindowWriter {

    private final SummaryWriter summaries;
    private final FactWriter facts;
    private final PreferenceWriter preferences;
    private final WindowQueue queue;
    private final RollupQueue rollups;
    private final boolean rollupsEnabled;
    private final Clock clock;
    private final String version;

    WindowWriter(
            SummaryWriter summaries,
            FactWriter facts,
            PreferenceWriter preferences,
            WindowQueue queue,
            RollupQueue rollups,
            PipelineConfig config,
            Clock clock,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.summaries = summaries;
        this.facts = facts;
        this.preferences = preferences;
        this.queue = queue;
        this.rollups = rollups;
        this.rollupsEnabled = config.rollups().enabled();
        this.clock = clock;
        this.version = version;
    }

    /** Writes the analysis; returns the summary id. */
    @Transactional
    public int writeAnalysed(ClaimedWindow claimed, List<Message> messages, WindowAnalysis analysis, String reason) {
        Instant now = clock.instant();
        int summaryId = summaries.upsert(
                new SummaryDraft(
                        claimed.userId(),
                        claimed.botName(),
                        claimed.start(),
                        claimed.end(),
                        analysis.summary(),
                        analysis.summaryType(),
                        messages.size(),
                        analysis.keyTopics(),
                        analysis.emotionalTone(),
                        analysis.compressionRatio(),
                        analysis.confidenceScore(),
                        enrichmentVersion()),
                new RevisionNote(
                        reason, claimed.previousModel(), claimed.previousPromptVersion(), claimed.previousInputHash()));
        if (!analysis.facts().isEmpty()) {
            Instant newest = messages.get(messages.size() - 1).timestamp();
            List<String> ids = messages.stream().map(Message::pointId).toList();
            facts.write(
                    new FactSource(
                            claimed.userId(), claimed.botName(), claimed.start(), claimed.end(), newest, ids, now),
                    analysis.facts());
        }
        if (!analysis.preferences().isEmpty()) {
            preferences.merge(claimed.userId(), claimed.botName(), analysis.preferences(), now);
        }
        if (rollupsEnabled) {
            rollups.mark(claimed.botName(), claimed.userId(), claimed.start());
        }
        queue.complete(claimed, WindowStatus.DONE, summaryId, messages.size(), analysis);
        return summaryId;
    }

    /** The service's version, as WhisperEngine's VARCHAR(20) {@code enrichment_version} can hold it. */
    String enrichmentVersion() {
        return version.length() > 20 ? version.substring(0, 20) : version;
    }

    /** Closes a window that has too few messages for a summary. */
    @Transactional
    public void writeSkipped(ClaimedWindow claimed, int messageCount) {
        queue.complete(claimed, WindowStatus.SKIPPED, null, messageCount, null);
    }
}
