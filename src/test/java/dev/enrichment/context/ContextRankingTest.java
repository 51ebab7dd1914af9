package dev.enrichment.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.fact.FactView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContextRankingTest {

    private static final Instant NOW = Instant.parse("2025-10-22T12:00:00Z");
    private final FactRanking ranking =
            new FactRanking(Duration.ofDays(30), Duration.ofDays(90), Set.of("location", " Plans_To"));

    @Test
    void halvesRelevanceEveryHalfLifeSinceTheFactWasLastSeen() {
        assertThat(ranking.rate(fact("food", "likes", 0.8, 0), NOW).relevance()).isEqualTo(0.8);
        assertThat(ranking.rate(fact("food", "likes", 0.8, 30), NOW).relevance())
                .isEqualTo(0.4);
        assertThat(ranking.rate(fact("food", "likes", 0.8, 60), NOW).relevance())
                .isEqualTo(0.2);
        assertThat(ranking.rate(fact("food", "likes", null, 0), NOW).relevance())
                .isEqualTo(0.5);
    }

    @Test
    void prefersTheLatestMessageTimestampOverTheLastUpdate() {
        FactView fact = new FactView(
                UUID.randomUUID(),
                "tea",
                "drink",
                "drink",
                "likes",
                1.0,
                "elena",
                NOW.minus(Duration.ofDays(30)),
                List.of(),
                NOW,
                NOW);
        assertThat(ranking.rate(fact, NOW).lastSeen()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(ranking.rate(fact, NOW).relevance()).isEqualTo(0.5);
    }

    @Test
    void flagsStaleKindsByEntityOrRelationshipTypeOnlyPastTheStaleAge() {
        assertThat(ranking.rate(fact("location", "visited", 0.9, 91), NOW).possiblyOutdated())
                .isTrue();
        assertThat(ranking.rate(fact("other", "plans_to", 0.9, 91), NOW).possiblyOutdated())
                .isTrue();
        assertThat(ranking.rate(fact("location", "visited", 0.9, 89), NOW).possiblyOutdated())
                .isFalse();
        assertThat(ranking.rate(fact("food", "likes", 0.9, 400), NOW).possiblyOutdated())
                .isFalse();
    }

    @Test
    void ordersByRelevanceThenConfidence() {
        FactView recentWeak = fact("food", "likes", 0.5, 0);
        FactView oldStrong = fact("food", "loves", 0.9, 60);
        FactView sameButSurer = fact("food", "enjoys", 1.0, 30);

        assertThat(ranking.rank(List.of(oldStrong, recentWeak, sameButSurer), NOW).stream()
                        .map(ContextFact::relationship))
                .containsExactly("enjoys", "likes", "loves");
    }

    @Test
    void keepsTheWordsWorthMatchingAndScoresTopicsTwiceTheText() {
        assertThat(Keywords.of("Hey, do you remember the Octopus at the aquarium? The octopus!"))
                .containsExactly("octopus", "aquarium");
        assertThat(Keywords.of("is it ok?")).isEmpty();
        assertThat(KeywordSimilarSummaries.score(2, 1)).isEqualTo(1.0);
        assertThat(KeywordSimilarSummaries.score(3, 3)).isEqualTo(0.5);
    }

    private static FactView fact(String entityType, String relationship, Double confidence, int daysAgo) {
        Instant seen = NOW.minus(Duration.ofDays(daysAgo));
        return new FactView(
                UUID.randomUUID(),
                "x",
                entityType,
                entityType,
                relationship,
                confidence,
                "elena",
                seen,
                List.of(),
                seen,
                seen);
    }
}
