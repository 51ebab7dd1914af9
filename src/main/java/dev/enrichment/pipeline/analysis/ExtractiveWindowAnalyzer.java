package dev.enrichment.pipeline.analysis;

import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.AnalysisInput;
import dev.enrichment.pipeline.WindowAnalysis;
import dev.enrichment.pipeline.WindowAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local analyser used when no LLM key is set: a summary of the window's most representative sentences, topics by
 * keyword frequency, the tone from the emotion labels, confidence at most 0.35, and no facts or preferences. It makes
 * no network call.
 */
public final class ExtractiveWindowAnalyzer implements WindowAnalyzer {

    public static final String SUMMARY_TYPE = "extractive";
    public static final String MODEL = "extractive";
    public static final String PROMPT_VERSION = "extractive-v1";
    /** Extractive summaries never claim more than this, so bots and regeneration can tell them from LLM ones. */
    public static final double MAX_CONFIDENCE = 0.35;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026])\\s+|\\R+");
    private static final int MAX_TOPICS = 5;
    private static final int MAX_QUOTE_CHARS = 200;
    // Representative sentences count for the user: the summary is about them, not about the bot's replies.
    private static final double USER_WEIGHT = 1.5;

    @Override
    public WindowAnalysis analyze(AnalysisInput input) {
        List<Message> messages = input.messages();
        if (messages.isEmpty()) {
            throw new AnalysisFailedException("The window has no messages to analyse", false, null);
        }
        String bot = TranscriptFormatter.displayName(input.botName());
        Keywords keywords = new Keywords(input.botName());
        List<Sentence> sentences = sentences(messages);
        List<String> texts = sentences.stream().map(Sentence::text).toList();
        List<String> topics = keywords.topics(texts, MAX_TOPICS);
        String summary = summary(bot, messages.size(), topics, representative(sentences, keywords, messages.size()));
        String tone = ToneFromLabels.toneOf(messages).orElse("neutral");
        double confidence = Math.min(MAX_CONFIDENCE, ConfidenceCap.forMessageCount(messages.size()));
        return new WindowAnalysis(
                summary,
                topics,
                tone,
                confidence,
                CompressionRatio.of(summary, messages),
                List.of(),
                List.of(),
                SUMMARY_TYPE,
                MODEL,
                PROMPT_VERSION,
                InputHash.of(PROMPT_VERSION, MODEL, messages),
                0,
                0,
                0);
    }

    @Override
    public String description() {
        return "extractive (no LLM_CHAT_API_KEY/OPENROUTER_API_KEY set)";
    }

    private static List<Sentence> sentences(List<Message> messages) {
        List<Sentence> sentences = new ArrayList<>();
        for (Message message : messages) {
            if (message.content() == null) {
                continue;
            }
            for (String text : SENTENCE_END.split(message.content())) {
                String sentence = text.strip();
                if (!sentence.isEmpty()) {
                    sentences.add(new Sentence(sentences.size(), message.role() == Role.USER, sentence));
                }
            }
        }
        return sentences;
    }

    /** The best-scoring sentences, 3 to 5 depending on the window's size, back in their original order. */
    private static List<Sentence> representative(List<Sentence> sentences, Keywords keywords, int messageCount) {
        Map<String, Integer> frequencies =
                keywords.frequencies(sentences.stream().map(Sentence::text).toList());
        List<Scored> scored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Sentence sentence : sentences) {
            Set<String> words = new HashSet<>(keywords.words(sentence.text()));
            words.remove(null);
            if (words.isEmpty() || !seen.add(sentence.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            double total = words.stream().mapToInt(frequencies::get).sum();
            // Dividing by the square root favours sentences that say much about frequent things, not merely long ones.
            double score = total / Math.sqrt(words.size()) * (sentence.fromUser() ? USER_WEIGHT : 1.0);
            scored.add(new Scored(sentence, score));
        }
        int wanted = messageCount >= 20 ? 5 : messageCount >= 10 ? 4 : 3;
        return scored.stream()
                .sorted(Comparator.comparingDouble(Scored::score)
                        .reversed()
                        .thenComparingInt(s -> s.sentence().position()))
                .limit(wanted)
                .map(Scored::sentence)
                .sorted(Comparator.comparingInt(Sentence::position))
                .toList();
    }

    private static String summary(String bot, int messageCount, List<String> topics, List<Sentence> picked) {
        StringBuilder summary = new StringBuilder();
        if (topics.isEmpty()) {
            summary.append("The user and ")
                    .append(bot)
                    .append(" exchanged ")
                    .append(messageCount)
                    .append(messageCount == 1 ? " message" : " messages")
                    .append(" in this conversation.");
        } else {
            summary.append("In this conversation with ")
                    .append(bot)
                    .append(", the user talked about ")
                    .append(enumeration(topics.subList(0, Math.min(3, topics.size()))))
                    .append('.');
        }
        for (Sentence sentence : picked) {
            summary.append(' ')
                    .append(sentence.fromUser() ? "The user" : bot)
                    .append(" said: \"")
                    .append(quote(sentence.text()))
                    .append('"');
        }
        return summary.toString();
    }

    private static String enumeration(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String quote(String sentence) {
        if (sentence.length() <= MAX_QUOTE_CHARS) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_QUOTE_CHARS);
        return sentence.substring(0, cut > MAX_QUOTE_CHARS / 2 ? cut : MAX_QUOTE_CHARS)
                        .strip() + "\u2026";
    }

    private record Sentence(int position, boolean fromUser, String text) {}

    private record Scored(Sentence sentence, double score) {}
}
