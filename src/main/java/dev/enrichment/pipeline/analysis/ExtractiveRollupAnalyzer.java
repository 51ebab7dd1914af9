package dev.enrichment.pipeline.analysis;

import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.RollupAnalysis;
import dev.enrichment.pipeline.RollupAnalyzer;
import dev.enrichment.pipeline.RollupInput;
import dev.enrichment.summary.SummaryView;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rollup used when no LLM key is set, deterministic and without a network call: the first sentences of the
 * busiest days' summaries, topics merged by how many days name them, the tone weighted by message count, and a
 * confidence of the days' mean, at most the extractive ceiling.
 */
public final class ExtractiveRollupAnalyzer implements RollupAnalyzer {

    public static final String PROMPT_VERSION = "extractive-rollup-v1";

    static final int MAX_TOPICS = 5;
    static final int MAX_QUOTED_DAYS = 5;
    private static final int MAX_SENTENCE_CHARS = 240;
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?\u2026])(?=\\s|$)", Pattern.DOTALL);

    @Override
    public RollupAnalysis analyze(RollupInput input) {
        List<SummaryView> days = input.days();
        if (days.isEmpty()) {
            throw new AnalysisFailedException("The period has no day summaries to roll up", false, null);
        }
        List<String> topics = topics(days);
        String summary = summary(input, topics);
        double confidence = Math.min(
                ExtractiveWindowAnalyzer.MAX_CONFIDENCE,
                LlmRollupAnalyzer.meanConfidence(input).orElse(ExtractiveWindowAnalyzer.MAX_CONFIDENCE));
        return new RollupAnalysis(
                summary,
                topics,
                tone(days),
                confidence,
                ExtractiveWindowAnalyzer.SUMMARY_TYPE,
                ExtractiveWindowAnalyzer.MODEL,
                PROMPT_VERSION,
                0);
    }

    @Override
    public String description() {
        return "extractive (no LLM_CHAT_API_KEY/OPENROUTER_API_KEY set)";
    }

    /** Topics named by the most days first; ties go to the one with more messages behind it, then the earlier. */
    static List<String> topics(List<SummaryView> days) {
        Map<String, TopicTally> byKey = new LinkedHashMap<>();
        for (SummaryView day : days) {
            Set<String> seenToday = new HashSet<>();
            for (String topic : day.keyTopics()) {
                String text = topic == null ? "" : topic.strip();
                String key = text.toLowerCase(Locale.ROOT);
                if (text.isEmpty() || !seenToday.add(key)) {
                    continue;
                }
                TopicTally tally = byKey.computeIfAbsent(key, k -> new TopicTally(text, byKey.size()));
                tally.days++;
                tally.messages += day.messageCount();
            }
        }
        return byKey.values().stream()
                .sorted(Comparator.comparingInt((TopicTally t) -> -t.days)
                        .thenComparingLong(t -> -t.messages)
                        .thenComparingInt(t -> t.order))
                .limit(MAX_TOPICS)
                .map(t -> t.text)
                .toList();
    }

    /** The tone with the most messages behind it; mixed when positive and negative weigh the same. */
    static String tone(List<SummaryView> days) {
        Map<String, Long> weights = new HashMap<>();
        for (SummaryView day : days) {
            if (day.emotionalTone() != null && !day.emotionalTone().isBlank()) {
                weights.merge(
                        day.emotionalTone().strip().toLowerCase(Locale.ROOT),
                        (long) Math.max(1, day.messageCount()),
                        Long::sum);
            }
        }
        if (weights.isEmpty()) {
            return "neutral";
        }
        long top = weights.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> leaders = weights.entrySet().stream()
                .filter(e -> e.getValue() == top)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return leaders.size() == 1 ? leaders.get(0) : "mixed";
    }

    private static String summary(RollupInput input, List<String> topics) {
        List<SummaryView> days = input.days();
        LocalDate first = LocalDate.ofInstant(input.period().start(), ZoneOffset.UTC);
        LocalDate last =
                LocalDate.ofInstant(input.period().end(), ZoneOffset.UTC).minusDays(1);
        String bot = TranscriptFormatter.displayName(input.botName());
        StringBuilder summary = new StringBuilder("In the ")
                .append(input.period().granularity().wireName())
                .append(" from ")
                .append(first)
                .append(" to ")
                .append(last)
                .append(", the user talked with ")
                .append(bot)
                .append(" in ")
                .append(days.size())
                .append(days.size() == 1 ? " conversation" : " conversations")
                .append(" (")
                .append(input.messageCount())
                .append(" messages)");
        if (!topics.isEmpty()) {
            summary.append(", mostly about ").append(enumeration(topics.subList(0, Math.min(3, topics.size()))));
        }
        summary.append('.');
        // The busiest days speak for the period, quoted in date order.
        List<SummaryView> quoted = days.stream()
                .sorted(Comparator.comparingInt((SummaryView d) -> -d.messageCount())
                        .thenComparing(SummaryView::start))
                .limit(MAX_QUOTED_DAYS)
                .sorted(Comparator.comparing(SummaryView::start))
                .toList();
        Set<String> seen = new HashSet<>();
        for (SummaryView day : quoted) {
            String sentence = firstSentence(day.summary());
            if (!sentence.isEmpty() && seen.add(sentence.toLowerCase(Locale.ROOT))) {
                summary.append(' ')
                        .append(LocalDate.ofInstant(day.start(), ZoneOffset.UTC))
                        .append(": ")
                        .append(sentence);
            }
        }
        return summary.toString();
    }

    static String firstSentence(String text) {
        String t = text == null ? "" : text.strip();
        Matcher matcher = FIRST_SENTENCE.matcher(t);
        String sentence = matcher.find() ? matcher.group(1) : t;
        return RollupPrompts.shortened(sentence.replaceAll("\\s+", " "), MAX_SENTENCE_CHARS);
    }

    private static String enumeration(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static final class TopicTally {
        final String text;
        final int order;
        int days;
        long messages;

        TopicTally(String text, int order) {
            this.text = text;
            this.order = order;
        }
    }
}
