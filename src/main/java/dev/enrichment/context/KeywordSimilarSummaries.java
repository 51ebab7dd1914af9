package dev.enrichment.context;

import dev.enrichment.summary.SummaryReader;
import dev.enrichment.summary.SummaryView;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The default {@link SimilarSummaries}: a deterministic keyword match, no model involved. Each keyword of the
 * message found among a summary's key topics counts 2, found only in its text 1; the score is that sum over twice
 * the number of keywords, so 1 means every keyword is a topic. Ties go to the newer summary. It scans the user's
 * newest {@value #SCAN} summaries with the bot, which keeps a request cheap however long the history.
 */
@ApplicationScoped
@DefaultBean
public class KeywordSimilarSummaries implements SimilarSummaries {

    static final int SCAN = 1000;

    private final SummaryReader summaries;
    private final Clock clock;

    KeywordSimilarSummaries(SummaryReader summaries, Clock clock) {
        this.summaries = summaries;
        this.clock = clock;
    }

    @Override
    public List<SimilarSummary> similarTo(String bot, String userId, String q, int limit) {
        Set<String> wanted = Keywords.of(q);
        if (wanted.isEmpty() || limit <= 0) {
            return List.of();
        }
        return summaries.latest(bot, userId, clock.instant(), SCAN).stream()
                .map(summary -> new SimilarSummary(summary, score(wanted, summary)))
                .filter(found -> found.score() > 0)
                .sorted(Comparator.comparingDouble(SimilarSummary::score)
                        .reversed()
                        .thenComparing(found -> found.summary().start(), Comparator.reverseOrder())
                        .thenComparing(found -> found.summary().id(), Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    static double score(Set<String> wanted, SummaryView summary) {
        Set<String> topics = Keywords.of(String.join(" ", summary.keyTopics()));
        Set<String> text = Keywords.of(summary.summary());
        int points = 0;
        for (String word : wanted) {
            points += topics.contains(word) ? 2 : text.contains(word) ? 1 : 0;
        }
        return Math.round(points * 10_000.0 / (2 * wanted.size())) / 10_000.0;
    }
}
