package dev.enrichment.recap;

import dev.enrichment.summary.SummaryView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recap's answer paragraph without an LLM: the first sentence of each summary, labelled with its day, then the
 * facts learned and the tone. Every content word comes from the summaries or facts; only the framing ("On
 * Tuesday", "The mood was") is added, so it can never tell the user something the analysis did not find.
 */
final class ExtractiveAnswer {

    static final int MAX_WORDS = 120;
    /** Beyond this many summaries the answer names the main topics and the two longest conversations. */
    private static final int DAY_BY_DAY = 4;

    private static final int MAX_FACTS = 3;
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(\\s|$)", Pattern.DOTALL);
    private static final Pattern THE_USER = Pattern.compile("\\b([Tt])he user('s)?(\\s+(is|was|has)\\b)?");
    private static final Set<String> LOWERABLE = Set.of(
            "The", "You", "Your", "They", "Their", "A", "An", "In", "On", "At", "After", "Before", "During", "While",
            "When");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private ExtractiveAnswer() {}

    static String write(RecapInputs inputs, AnswerVoice voice) {
        if (inputs.summaries().isEmpty()) {
            return nothingToSay(inputs.status(), voice);
        }
        List<String> sentences = new ArrayList<>();
        List<SummaryView> summaries = inputs.summaries();
        if (summaries.size() > DAY_BY_DAY) {
            List<String> topics = inputs.topics().stream().limit(3).toList();
            if (!topics.isEmpty()) {
                sentences.add(
                        "Across " + summaries.size() + " conversations the main topics were " + list(topics) + ".");
            }
            summaries = summaries.stream()
                    .sorted(Comparator.comparingInt(SummaryView::messageCount).reversed())
                    .limit(2)
                    .sorted(Comparator.comparing(SummaryView::start))
                    .toList();
        }
        for (SummaryView summary : summaries) {
            String first = firstSentence(summary.summary());
            if (!first.isEmpty()) {
                sentences.add(dayLabel(summary.start(), inputs.zone(), inputs.asOf()) + ", "
                        + lowerFirst(voice(first, voice)));
            }
        }
        List<String> facts = inputs.facts().stream()
                .limit(MAX_FACTS)
                .map(fact -> fact.relationship().replace('_', ' ') + " " + fact.entity())
                .toList();
        if (!facts.isEmpty()) {
            sentences.add("Noted: " + String.join("; ", facts) + ".");
        }
        if (inputs.tone() != null) {
            sentences.add("The mood was " + inputs.tone() + ".");
        }
        return withinWords(sentences);
    }

    private static String nothingToSay(RecapStatus status, AnswerVoice voice) {
        if (status == RecapStatus.EMPTY) {
            return voice == AnswerVoice.USER ? "We did not talk then." : "The user and the bot did not talk then.";
        }
        return voice == AnswerVoice.USER
                ? "I have not gone through our conversations from then yet, so I cannot say what we talked about."
                : "The conversations from then have not been processed yet.";
    }

    /** "Today", "Yesterday", "On Tuesday" within the last week, else "On 14 October", in the caller's zone. */
    static String dayLabel(Instant start, ZoneId zone, Instant asOf) {
        LocalDate day = LocalDate.ofInstant(start, zone);
        LocalDate today = LocalDate.ofInstant(asOf, zone);
        if (day.equals(today)) {
            return "Today";
        } else if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        } else if (day.isAfter(today.minusDays(7)) && day.isBefore(today)) {
            return "On " + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
        return "On " + day.format(DAY_MONTH);
    }

    static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        Matcher m = FIRST_SENTENCE.matcher(stripped);
        return m.find() ? m.group(1) : stripped;
    }

    /** Summaries speak of "the user"; addressed to the user that becomes "you", with the verb agreeing. */
    static String voice(String sentence, AnswerVoice voice) {
        if (voice == AnswerVoice.THIRD) {
            return sentence;
        }
        Matcher m = THE_USER.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String you = m.group(1).equals("T") && m.start() == 0 ? "You" : "you";
            String replacement;
            if (m.group(2) != null) {
                replacement = m.group(1).equals("T") && m.start() == 0 ? "Your" : "your";
                replacement += m.group(3) == null ? "" : m.group(3);
            } else if (m.group(4) != null) {
                String verb = switch (m.group(4)) {
                    case "is" -> "are";
                    case "was" -> "were";
                    default -> "have";
                };
                replacement = you
                        + m.group(3)
                                .substring(0, m.group(3).length() - m.group(4).length())
                        + verb;
            } else {
                replacement = you;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String withinWords(List<String> sentences) {
        StringBuilder answer = new StringBuilder();
        int words = 0;
        for (String sentence : sentences) {
            String[] parts = sentence.split("\\s+");
            if (words + parts.length > MAX_WORDS) {
                if (words == 0) {
                    // one very long sentence: cut it rather than say nothing
                    answer.append(String.join(" ", List.of(parts).subList(0, MAX_WORDS)))
                            .append(" …");
                }
                break;
            }
            answer.append(answer.length() == 0 ? "" : " ").append(sentence);
            words += parts.length;
        }
        return answer.toString();
    }

    // only words that are never names: "On Tuesday, you ...", never "On Tuesday, samantha ..."
    private static String lowerFirst(String text) {
        String firstWord = text.split("\\s", 2)[0];
        return LOWERABLE.contains(firstWord) ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
