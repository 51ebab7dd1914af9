package dev.enrichment.search;

import dev.enrichment.pipeline.CycleStep;
import dev.enrichment.pipeline.CycleStepOutcome;
import dev.enrichment.summary.IndexBacklog;
import dev.enrichment.summary.IndexEntry;
import dev.enrichment.summary.IndexedSummary;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cycle's indexing step: embeds the summaries whose search entry is pending and upserts them into the index, in
 * batches, outside any transaction. A failed batch stays in the outbox with a growing backoff and the step stops
 * for this cycle (an outage is not hammered); nothing about the summaries themselves changes. With nothing pending
 * the step costs one database statement and no Qdrant request; with embeddings off or unavailable, nothing at all.
 */
@ApplicationScoped
public class SummaryIndexer implements CycleStep {

    private final IndexBacklog backlog;
    private final Embeddings embeddings;
    private final SearchIndex index;
    private final SearchConfig config;

    SummaryIndexer(IndexBacklog backlog, Embeddings embeddings, SearchIndex index, SearchConfig config) {
        this.backlog = backlog;
        this.embeddings = embeddings;
        this.index = index;
        this.config = config;
    }

    @Override
    public CycleStepOutcome run() {
        IndexOutcome outcome = indexPending();
        return new CycleStepOutcome("search index", outcome.indexed() + outcome.removed(), outcome.failed());
    }

    /** Indexes every due entry, batch by batch, until none is due or a batch fails. */
    public IndexOutcome indexPending() {
        if (!embeddings.state().ready()) {
            return new IndexOutcome(0, 0, 0, embeddings.state().reason());
        }
        int indexed = 0;
        int removed = 0;
        int failed = 0;
        Optional<String> error = Optional.empty();
        while (true) {
            List<IndexEntry> batch = backlog.claimDue(config.batchSize(), config.lease());
            if (batch.isEmpty()) {
                break;
            }
            List<IndexedSummary> present = new ArrayList<>();
            List<UUID> gone = new ArrayList<>();
            for (IndexEntry entry : batch) {
                entry.summary()
                        .ifPresentOrElse(
                                present::add,
                                () -> gone.add(SearchIndex.pointId(entry.granularity(), entry.summaryId())));
            }
            try {
                List<float[]> vectors = present.isEmpty()
                        ? List.of()
                        : embeddings.embed(
                                present.stream().map(SummaryIndexer::text).toList());
                index.upsert(present, vectors, embeddings.state().model().orElse("unknown"));
                index.delete(gone);
                backlog.indexed(batch);
                indexed += present.size();
                removed += gone.size();
            } catch (EmbeddingException | SearchIndexException e) {
                int attempts =
                        batch.stream().mapToInt(IndexEntry::attempts).max().orElse(0);
                backlog.failed(batch, e.getMessage(), backoff(attempts));
                failed += batch.size();
                error = Optional.of(e.getMessage());
                Log.warnf("Search indexing of %d summaries failed, retried later: %s", batch.size(), e.getMessage());
                break;
            }
        }
        return new IndexOutcome(indexed, removed, failed, error);
    }

    /**
     * What is embedded for a summary: its text with its topics, which name what was talked about in the words a
     * query is likely to use.
     */
    static String text(IndexedSummary summary) {
        return summary.topics().isEmpty()
                ? summary.summaryText()
                : "Topics: " + String.join(", ", summary.topics()) + ". " + summary.summaryText();
    }

    private Duration backoff(int failedAttempts) {
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(failedAttempts, 20));
        return wait.compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff() : wait;
    }

    /**
     * One indexing run.
     *
     * @param removed points removed because their summary no longer exists
     * @param error why the run stopped early, or why nothing could be indexed
     */
    public record IndexOutcome(int indexed, int removed, int failed, Optional<String> error) {}
}
