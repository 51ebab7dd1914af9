package dev.enrichment.pipeline;

import dev.enrichment.summary.RevisedSummary;
import dev.enrichment.summary.RollupDraft;
import dev.enrichment.summary.RollupWriter;
import dev.enrichment.summary.SummaryReader;
import dev.enrichment.summary.SummaryView;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds one claimed week's or month's rollup from its day summaries (never from messages): read the sources, and
 * unless they are exactly the ones the stored rollup was built from, analyse them (one LLM call, outside any
 * transaction) and write the rollup, its revision and the mark's removal in one transaction.
 */
@ApplicationScoped
public class RollupBuilder {

    static final String REASON = "a day summary under it changed";

    private final RollupQueue queue;
    private final SummaryReader summaries;
    private final RollupWriter writer;
    private final RollupAnalyzer analyzer;
    private final String version;

    RollupBuilder(
            RollupQueue queue,
            SummaryReader summaries,
            RollupWriter writer,
            RollupAnalyzer analyzer,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.queue = queue;
        this.summaries = summaries;
        this.writer = writer;
        this.analyzer = analyzer;
        this.version = version.length() > 20 ? version.substring(0, 20) : version;
    }

    /** Leases the next settled period to roll up, if any; see {@link RollupQueue#claimNext}. */
    public Optional<ClaimedRollup> claimNext(String owner) {
        return queue.claimNext(owner);
    }

    /** Builds the claimed rollup; a failure is recorded on its mark (retried later) and never thrown. */
    public RollupOutcome build(ClaimedRollup claimed) {
        try {
            Sources sources = QuarkusTransaction.requiringNew().call(() -> {
                List<RevisedSummary> days = summaries.withRevisions(queue.daySummaryIds(claimed));
                String stored = writer.fingerprint(claimed.botName(), claimed.userId(), claimed.period())
                        .orElse(null);
                return new Sources(days, RevisedSummary.fingerprint(days), stored);
            });
            if (sources.days().isEmpty() || sources.fingerprint().equals(sources.storedFingerprint())) {
                QuarkusTransaction.requiringNew().run(() -> queue.complete(claimed));
                return sources.days().isEmpty() ? RollupOutcome.EMPTY : RollupOutcome.UNCHANGED;
            }
            List<SummaryView> days =
                    sources.days().stream().map(RevisedSummary::summary).toList();
            RollupInput input = new RollupInput(claimed.botName(), claimed.userId(), claimed.period(), days);
            RollupAnalysis analysis = analyzer.analyze(input);
            RollupDraft draft = new RollupDraft(
                    claimed.botName(),
                    claimed.userId(),
                    claimed.period(),
                    analysis.summary(),
                    analysis.summaryType(),
                    input.messageCount(),
                    analysis.keyTopics(),
                    analysis.emotionalTone(),
                    analysis.confidenceScore(),
                    version,
                    analysis.model(),
                    analysis.promptVersion(),
                    sources.days().stream().map(RevisedSummary::source).toList(),
                    sources.fingerprint());
            int id = QuarkusTransaction.requiringNew().call(() -> {
                int written = writer.upsert(draft, REASON);
                queue.complete(claimed);
                return written;
            });
            Log.infof(
                    "Rollup %d built: %s %s of %s with %s from %d day summaries (%s)",
                    id,
                    claimed.period().granularity().wireName(),
                    claimed.period().start(),
                    claimed.userId(),
                    claimed.botName(),
                    days.size(),
                    analysis.model());
            return RollupOutcome.BUILT;
        } catch (RuntimeException e) {
            String error = e instanceof AnalysisFailedException failed ? failed.getMessage() : describe(e);
            queue.fail(claimed, error);
            Log.warnf(
                    "Rollup of %s %s for user %s with %s failed (attempt %d), retried later: %s",
                    claimed.period().granularity().wireName(),
                    claimed.period().start(),
                    claimed.userId(),
                    claimed.botName(),
                    claimed.attempts() + 1,
                    e instanceof AnalysisFailedException a
                            ? a.logText()
                            : e.getClass().getSimpleName());
            return RollupOutcome.FAILED;
        }
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private record Sources(List<RevisedSummary> days, String fingerprint, String storedFingerprint) {}
}
