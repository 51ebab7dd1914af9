package dev.enrichment.context;

import dev.enrichment.summary.SummaryReader;
import io.quarkus.arc.DefaultBean;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The default {@link SimilarSummaries}: a deterministic keyword match, no model involved. Each keyword of the
 * message (see {@link Keywords}) found among a summary's key topics counts 2, found only in its text 1 (whole words,
 * any case); the score is that sum over twice the number of keywords, so 1 means every keyword is a topic. Ties go to
 * the newer summary. The matching runs in PostgreSQL over all the user's summaries with the bot, so only the best
 * few rows are loaded however long the history.
 */
@ApplicationScoped
@DefaultBean
public class KeywordSimilarSummaries implements SimilarSummaries {

    private final SummaryReader summaries;
    private final Clock clock;

    /** Public so that a replacing implementation can fall back on the keyword match. */
    public KeywordSimilarSummaries(SummaryReader summaries, Clock clock) {
        this.summaries = summaries;
        this.clock = clock;
    }

    @Override
    public List<SimilarSummary> similarTo(String bot, String userId, String q, int limit) {
        Set<String> wanted = Keywords.of(q);
        if (wanted.isEmpty() || limit <= 0) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> summaries.mentioning(bot, userId, clock.instant(), wanted, limit))
                .stream()
                .map(match -> new SimilarSummary(match.summary(), score(match.points(), wanted.size())))
                .toList();
    }

    static double score(int points, int keywords) {
        return Math.round(points * 10_000.0 / (2 * keywords)) / 10_000.0;
    }
}
