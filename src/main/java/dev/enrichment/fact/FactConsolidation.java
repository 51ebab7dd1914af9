package dev.enrichment.fact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * WhisperEngine's storing rules for one new fact against the user's existing facts on the same entity (reference
 * 3.3, steps 3 and 4), with one change: a fact of the same type is merged into, not deleted and re-inserted.
 *
 * <ul>
 *   <li>An opposite type that is strictly stronger wins: the new fact is not stored. Otherwise every opposite
 *       fact is superseded.</li>
 *   <li>In a similar-type group the strongest fact wins and the others are superseded. The new fact, merged with
 *       an existing fact of its own type, wins ties against that existing row; a brand-new fact must be strictly
 *       stronger than another type of its group.</li>
 * </ul>
 */
final class FactConsolidation {

    private static final Comparator<StoredFact> STRONGEST_FIRST =
            Comparator.comparingDouble(StoredFact::confidence).reversed();

    /**
     * What to do with the new fact.
     *
     * @param superseded existing facts to remove, strongest first
     * @param store whether the new fact is stored
     * @param sameType the existing fact of the new fact's type, merged into when storing
     * @param outrankedBy when not storing: the existing fact that wins
     */
    record Plan(
            List<StoredFact> superseded,
            boolean store,
            Optional<StoredFact> sameType,
            Optional<StoredFact> outrankedBy) {}

    private FactConsolidation() {}

    static Plan plan(String relationshipType, double confidence, List<StoredFact> existing) {
        List<StoredFact> opposites = existing.stream()
                .filter(fact -> RelationshipTypes.areOpposite(relationshipType, fact.relationshipType()))
                .sorted(STRONGEST_FIRST)
                .toList();
        Optional<StoredFact> sameType = existing.stream()
                .filter(fact -> fact.relationshipType().equals(relationshipType))
                .findFirst();
        if (!opposites.isEmpty() && opposites.get(0).confidence() > confidence) {
            return new Plan(List.of(), false, sameType, Optional.of(opposites.get(0)));
        }

        List<StoredFact> superseded = new ArrayList<>(opposites);
        List<StoredFact> similar = existing.stream()
                .filter(fact -> RelationshipTypes.areSimilar(relationshipType, fact.relationshipType()))
                .sorted(STRONGEST_FIRST)
                .toList();
        if (!similar.isEmpty() && similarWins(similar.get(0), confidence, sameType)) {
            StoredFact winner = similar.get(0);
            similar.stream().skip(1).forEach(superseded::add);
            sameType.ifPresent(superseded::add);
            return new Plan(sorted(superseded), false, sameType, Optional.of(winner));
        }
        superseded.addAll(similar);
        return new Plan(sorted(superseded), true, sameType, Optional.empty());
    }

    private static boolean similarWins(StoredFact strongestSimilar, double confidence, Optional<StoredFact> sameType) {
        if (sameType.isEmpty()) {
            return strongestSimilar.confidence() >= confidence;
        }
        return strongestSimilar.confidence()
                > Math.max(confidence, sameType.get().confidence());
    }

    private static List<StoredFact> sorted(List<StoredFact> facts) {
        return facts.stream().sorted(STRONGEST_FIRST).toList();
    }
}
