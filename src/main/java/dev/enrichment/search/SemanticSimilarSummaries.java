package dev.enrichment.search;

import dev.enrichment.context.KeywordSimilarSummaries;
import dev.enrichment.context.SimilarSummaries;
import dev.enrichment.context.SimilarSummary;
import dev.enrichment.summary.Granularity;
import dev.enrichment.summary.SummaryReader;
import dev.enrichment.summary.SummaryView;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The context's "conversations like the current message" by meaning: the message is embedded and the user's day
 * summaries nearest to it in the search index are taken, down to a floor of similarity (the nearest of unrelated
 * summaries is still somebody's nearest). When embeddings are off or unavailable, the index cannot answer, or
 * nothing reaches the floor, the keyword match answers instead: the context never fails because of the index.
 */
@ApplicationScoped
class SemanticSimilarSummaries implements SimilarSummaries {

    /**
     * Cosine similarity below which a summary is not offered as related. With all-MiniLM-L6-v2, a summary on an
     * unrelated subject scores about 0 (often below), while "Should I get a new pet?" against a summary about
     * adopting a puppy scores 0.29: related in other words is weakly similar, so the floor is low.
     */
    static final double MIN_SIMILARITY = 0.25;

    private final Embeddings embeddings;
    private final SearchIndex index;
    private final SummaryReader summaries;
    private final KeywordSimilarSummaries keywords;
    private final Clock clock;

    SemanticSimilarSummaries(Embeddings embeddings, SearchIndex index, SummaryReader summaries, Clock clock) {
        this.embeddings = embeddings;
        this.index = index;
        this.summaries = summaries;
        this.keywords = new KeywordSimilarSummaries(summaries, clock);
        this.clock = clock;
    }

    @Override
    public List<SimilarSummary> similarTo(String bot, String userId, String q, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        if (embeddings.state().ready()) {
            try {
                List<SimilarSummary> found = nearest(bot, userId, q, limit);
                if (!found.isEmpty()) {
                    return found;
                }
            } catch (EmbeddingException | SearchIndexException e) {
                Log.debugf("Context falls back to keywords: %s", e.getMessage());
            }
        }
        return keywords.similarTo(bot, userId, q, limit);
    }

    private List<SimilarSummary> nearest(String bot, String userId, String q, int limit) {
        float[] vector = embeddings.embed(List.of(q)).get(0);
        Instant now = clock.instant();
        // rollups share the index; ask for more so that enough day summaries remain
        List<ScoredPoint> points = index.nearest(vector, bot, userId, null, now, 3 * limit);
        List<Integer> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (ScoredPoint point : points) {
            Map<String, Value> payload = point.getPayloadMap();
            Value granularity = payload.get(SearchIndex.GRANULARITY);
            Optional<Long> id = SearchIndex.integer(payload, SearchIndex.SUMMARY_ID);
            if (granularity != null
                    && Granularity.DAY.wireName().equals(granularity.getStringValue())
                    && id.isPresent()
                    && point.getScore() >= MIN_SIMILARITY
                    && ids.size() < limit) {
                ids.add(id.get().intValue());
                scores.add(Math.round(point.getScore() * 10_000.0) / 10_000.0);
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<SimilarSummary> found = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Optional<SummaryView> summary = summaries.find(ids.get(i));
                // the index may still hold a summary deleted since; it is left out
                if (summary.isPresent()) {
                    found.add(new SimilarSummary(summary.get(), scores.get(i)));
                }
            }
            return found;
        });
    }
}
