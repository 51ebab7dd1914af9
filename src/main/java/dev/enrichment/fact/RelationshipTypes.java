package dev.enrichment.fact;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** WhisperEngine's opposite and similar relationship types, as its worker consolidated them (reference 3.3). */
final class RelationshipTypes {

    private static final Map<String, List<String>> DECLARED_OPPOSITES = Map.of(
            "likes", List.of("dislikes", "hates", "avoids"),
            "loves", List.of("dislikes", "hates", "avoids"),
            "enjoys", List.of("dislikes", "hates", "avoids"),
            "prefers", List.of("dislikes", "avoids", "rejects"),
            "wants", List.of("rejects", "avoids", "dislikes"),
            "needs", List.of("rejects", "avoids"),
            "supports", List.of("opposes", "rejects"),
            "trusts", List.of("distrusts", "suspects"),
            "believes", List.of("doubts", "rejects"));

    private static final List<Set<String>> SIMILAR_GROUPS = List.of(
            Set.of("likes", "loves", "enjoys", "prefers"),
            Set.of("dislikes", "hates", "avoids"),
            Set.of("does", "plays", "practices"),
            Set.of("owns", "has"));

    // "plus the reverse mappings": every declared pair counts in both directions
    private static final Map<String, Set<String>> OPPOSITES = symmetric(DECLARED_OPPOSITES);

    private RelationshipTypes() {}

    static boolean areOpposite(String a, String b) {
        return OPPOSITES.getOrDefault(a, Set.of()).contains(b);
    }

    /** Different types of the same similar-type group; a type is not "similar" to itself. */
    static boolean areSimilar(String a, String b) {
        return !a.equals(b) && SIMILAR_GROUPS.stream().anyMatch(group -> group.contains(a) && group.contains(b));
    }

    private static Map<String, Set<String>> symmetric(Map<String, List<String>> declared) {
        Map<String, Set<String>> result = new HashMap<>();
        declared.forEach((type, opposites) -> opposites.forEach(opposite -> {
            result.computeIfAbsent(type, key -> new HashSet<>()).add(opposite);
            result.computeIfAbsent(opposite, key -> new HashSet<>()).add(type);
        }));
        result.replaceAll((type, opposites) -> Set.copyOf(opposites));
        return Map.copyOf(result);
    }
}
