package dev.enrichment.context;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a text worth matching on: lower case, three letters or more, common English words left out. */
final class Keywords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of(
            "the",
            "and",
            "for",
            "are",
            "but",
            "not",
            "you",
            "your",
            "yours",
            "all",
            "any",
            "can",
            "had",
            "has",
            "have",
            "her",
            "his",
            "him",
            "she",
            "they",
            "them",
            "their",
            "was",
            "were",
            "one",
            "our",
            "out",
            "get",
            "got",
            "how",
            "what",
            "when",
            "where",
            "who",
            "why",
            "which",
            "with",
            "this",
            "that",
            "these",
            "those",
            "from",
            "into",
            "about",
            "again",
            "also",
            "just",
            "like",
            "some",
            "than",
            "then",
            "there",
            "very",
            "will",
            "would",
            "could",
            "should",
            "did",
            "does",
            "doing",
            "been",
            "being",
            "more",
            "most",
            "much",
            "user",
            "talked",
            "talk",
            "discussed",
            "conversation",
            "hey",
            "yes",
            "yeah",
            "okay",
            "remember",
            "know",
            "think",
            "tell",
            "said",
            "say",
            "let",
            "lets",
            "its",
            "it's",
            "i'm",
            "im",
            "me",
            "my",
            "we");

    private Keywords() {}

    /** The distinct keywords of the text, in order of first appearance. */
    static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
