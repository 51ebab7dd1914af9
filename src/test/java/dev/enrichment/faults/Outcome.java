package dev.enrichment.faults;

import dev.enrichment.faults.ConversationSet.WindowKey;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a run left in the database, in the terms the fault matrix compares: the summaries per window (message count
 * and text), the facts and preferences as rows of text, and the counters that must be zero after any run.
 */
record Outcome(
        Map<WindowKey, Summary> summaries,
        SortedSet<String> facts,
        SortedSet<String> preferences,
        Map<String, Integer> windowsByStatus,
        int placeholders,
        int revisions) {

    /** One stored window summary. */
    record Summary(int messageCount, String text) {}

    int windows(String status) {
        return windowsByStatus.getOrDefault(status, 0);
    }

    int windowCount() {
        return windowsByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Only what belongs to these bots' users: the summaries of their windows, and facts and preferences by user. */
    Outcome restrictedTo(Predicate<WindowKey> keep, Set<String> users) {
        Map<WindowKey, Summary> kept = new TreeMap<>();
        summaries.forEach((key, summary) -> {
            if (keep.test(key)) {
                kept.put(key, summary);
            }
        });
        return new Outcome(
                kept,
                filterByUser(facts, users),
                filterByUser(preferences, users),
                windowsByStatus,
                placeholders,
                revisions);
    }

    private static SortedSet<String> filterByUser(SortedSet<String> rows, Set<String> users) {
        SortedSet<String> kept = new TreeSet<>();
        for (String row : rows) {
            if (users.contains(row.substring(0, row.indexOf(" | ")))) {
                kept.add(row);
            }
        }
        return kept;
    }
}
