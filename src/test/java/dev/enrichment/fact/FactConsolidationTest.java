package dev.enrichment.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FactConsolidationTest {

    @Test
    void storesAFactWithNothingAgainstIt() {
        FactConsolidation.Plan plan = FactConsolidation.plan("likes", 0.8, List.of(fact("owns", 0.9)));

        assertThat(plan.store()).isTrue();
        assertThat(plan.superseded()).isEmpty();
        assertThat(plan.sameType()).isEmpty();
    }

    @Test
    void skipsAFactWhenAStrictlyStrongerOppositeExists() {
        StoredFact hates = fact("hates", 0.9);
        StoredFact dislikes = fact("dislikes", 0.5);

        FactConsolidation.Plan plan = FactConsolidation.plan("likes", 0.8, List.of(dislikes, hates));

        assertThat(plan.store()).isFalse();
        assertThat(plan.outrankedBy()).contains(hates);
        assertThat(plan.superseded())
                .as("nothing is removed when the new fact loses")
                .isEmpty();
    }

    @Test
    void supersedesEveryOppositeThatIsNotStronger() {
        StoredFact dislikes = fact("dislikes", 0.8);
        StoredFact avoids = fact("avoids", 0.4);

        FactConsolidation.Plan plan = FactConsolidation.plan("likes", 0.8, List.of(avoids, dislikes));

        assertThat(plan.store()).isTrue();
        assertThat(plan.superseded()).containsExactly(dislikes, avoids);
    }

    @Test
    void treatsTheDeclaredOppositesAsSymmetric() {
        StoredFact wants = fact("wants", 0.9);

        FactConsolidation.Plan plan = FactConsolidation.plan("rejects", 0.6, List.of(wants));

        assertThat(plan.store()).isFalse();
        assertThat(plan.outrankedBy()).contains(wants);
    }

    @Test
    void keepsTheStrongerSimilarFactAndSkipsTheNewOne() {
        StoredFact loves = fact("loves", 0.9);
        StoredFact enjoys = fact("enjoys", 0.5);

        FactConsolidation.Plan plan = FactConsolidation.plan("likes", 0.9, List.of(enjoys, loves));

        assertThat(plan.store()).as("a tie goes to the existing fact").isFalse();
        assertThat(plan.outrankedBy()).contains(loves);
        assertThat(plan.superseded()).containsExactly(enjoys);
    }

    @Test
    void replacesWeakerSimilarFactsWithAStrongerNewOne() {
        StoredFact has = fact("has", 0.6);

        FactConsolidation.Plan plan = FactConsolidation.plan("owns", 0.9, List.of(has));

        assertThat(plan.store()).isTrue();
        assertThat(plan.superseded()).containsExactly(has);
    }

    @Test
    void mergesIntoTheSameTypeInsteadOfReplacingIt() {
        StoredFact likes = fact("likes", 0.9);

        FactConsolidation.Plan plan = FactConsolidation.plan("likes", 0.7, List.of(likes));

        assertThat(plan.store()).isTrue();
        assertThat(plan.sameType()).contains(likes);
        assertThat(plan.superseded()).isEmpty();
    }

    @Test
    void aSameTypeFactStrongerThanItsSimilarsKeepsWinning() {
        StoredFact likes = fact("likes", 0.9);
        StoredFact enjoys = fact("enjoys", 0.9);

        FactConsolidation.Plan plan = FactConsolidation.plan("likes", 0.5, List.of(enjoys, likes));

        assertThat(plan.store()).isTrue();
        assertThat(plan.sameType()).contains(likes);
        assertThat(plan.superseded()).containsExactly(enjoys);
    }

    @Test
    void aStrongerSimilarFactOutranksTheSameTypeRowAndSupersedesIt() {
        StoredFact likes = fact("likes", 0.5);
        StoredFact loves = fact("loves", 0.95);

        FactConsolidation.Plan plan = FactConsolidation.plan("likes", 0.7, List.of(likes, loves));

        assertThat(plan.store()).isFalse();
        assertThat(plan.outrankedBy()).contains(loves);
        assertThat(plan.superseded()).containsExactly(likes);
    }

    @Test
    void leavesUnrelatedTypesAlone() {
        FactConsolidation.Plan plan =
                FactConsolidation.plan("visited", 0.3, List.of(fact("lives_in", 0.9), fact("likes", 0.9)));

        assertThat(plan.store()).isTrue();
        assertThat(plan.superseded()).isEmpty();
    }

    private static StoredFact fact(String type, double confidence) {
        return new StoredFact(UUID.randomUUID(), type, confidence, Map.of(), true);
    }
}
