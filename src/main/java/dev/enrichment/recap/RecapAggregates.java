package dev.enrichment.recap;

import dev.enrichment.recap.RecapView.TopicCount;
import dev.enrichment.summary.SummaryView;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Topics, tone and message count over the summaries of a recap. */
final class RecapAggregates {

    static final String MIXED = "mixed";

    private RecapAggregates() {}

    /** Each topic once per summary, compared without case; shown as first spelled. */
    static List<TopicCount> topics(List<SummaryView> summaries) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (SummaryView summary : summaries) {
            Set<String> seen = new HashSet<>();
            for (String topic : summary.keyTopics()) {
                String key = key(topic);
                if (!key.isEmpty() && seen.add(key)) {
                    spelling.putIfAbsent(key, topic.strip());
                    counts.merge(key, 1, Integer::sum);
                }
            }
        }
        return spelling.entrySet().stream()
                .map(e -> new TopicCount(e.getValue(), counts.get(e.getKey())))
                .sorted(Comparator.comparingInt(TopicCount::count)
                        .reversed()
                        .thenComparing(TopicCount::topic, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The tone carrying the most messages; {@link #MIXED} when two tones carry equally many; null for none. */
    static String tone(List<SummaryView> summaries) {
        Map<String, Long> weights = new LinkedHashMap<>();
        for (SummaryView summary : summaries) {
            String tone = key(summary.emotionalTone());
            if (!tone.isEmpty()) {
                weights.merge(tone, (long) Math.max(summary.messageCount(), 1), Long::sum);
            }
        }
        long top = weights.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> leaders = weights.entrySet().stream()
                .filter(e -> e.getValue() == top)
                .map(Map.Entry::getKey)
                .toList();
        if (leaders.isEmpty()) {
            return null;
        }
        return leaders.size() == 1 ? leaders.get(0) : MIXED;
    }

    static int messageCount(List<SummaryView> summaries) {
        return summaries.stream().mapToInt(SummaryView::messageCount).sum();
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
