package dev.enrichment.pipeline.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Simple keyword statistics over sentences: lower-case words, stopwords and the bot's own name left out. */
final class Keywords {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}']*");
    private static final int MIN_WORD_CHARS = 3;
    private static final int MAX_BIGRAM_TOPICS = 2;

    private final Set<String> ignored = new HashSet<>();

    /** @param botName left out too: users address the bot by name all the time */
    Keywords(String botName) {
        if (botName != null) {
            for (String part : botName.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                ignored.add(part);
            }
        }
    }

    /** The sentence's content words, in order, with {@code null} where a stopword stood (bigrams do not span it). */
    List<String> words(String sentence) {
        return tokens(sentence).stream()
                .map(token -> token.isContent ? token.lower : null)
                .toList();
    }

    private List<Token> tokens(String sentence) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(sentence.replace('\u2019', '\''));
        while (matcher.find()) {
            String surface = matcher.group();
            if (surface.endsWith("'s") || surface.endsWith("'S")) {
                surface = surface.substring(0, surface.length() - 2);
            }
            while (surface.endsWith("'")) {
                surface = surface.substring(0, surface.length() - 1);
            }
            String lower = surface.toLowerCase(Locale.ROOT);
            tokens.add(new Token(lower, surface, isContent(lower)));
        }
        return tokens;
    }

    private boolean isContent(String word) {
        return word.length() >= MIN_WORD_CHARS && !Stopwords.contains(word) && !ignored.contains(word);
    }

    /** How often each content word occurs in these sentences. */
    Map<String, Integer> frequencies(List<String> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (String sentence : sentences) {
            for (String word : words(sentence)) {
                if (word != null) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Up to {@code max} topics, most frequent first (first occurrence breaks ties): up to two word pairs that recur,
     * then recurring single words not already in a pair. Only when nothing recurs do single mentions count.
     */
    List<String> topics(List<String> sentences, int max) {
        Map<String, Candidate> unigrams = new HashMap<>();
        Map<String, Candidate> bigrams = new HashMap<>();
        int position = 0;
        for (String sentence : sentences) {
            Token previous = null;
            for (Token token : tokens(sentence)) {
                if (token.isContent) {
                    unigrams.computeIfAbsent(token.lower, w -> new Candidate(w, 1))
                            .seen(position, token.surface);
                    if (previous != null) {
                        bigrams.computeIfAbsent(previous.lower + " " + token.lower, w -> new Candidate(w, 2))
                                .seen(position, previous.surface + " " + token.surface);
                    }
                }
                previous = token.isContent ? token : null;
                position++;
            }
        }
        List<Candidate> chosen = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Candidate pair : ranked(bigrams, 2)) {
            if (chosen.size() == MAX_BIGRAM_TOPICS || chosen.size() == max) {
                break;
            }
            chosen.add(pair);
            covered.addAll(List.of(pair.text.split(" ")));
        }
        List<Candidate> singles = ranked(unigrams, 2);
        if (singles.isEmpty() && chosen.isEmpty()) {
            singles = ranked(unigrams, 1);
        }
        for (Candidate single : singles) {
            if (chosen.size() == max) {
                break;
            }
            if (!covered.contains(single.text)) {
                chosen.add(single);
            }
        }
        chosen.sort(Candidate.ORDER);
        return chosen.stream().map(Candidate::display).toList();
    }

    private static List<Candidate> ranked(Map<String, Candidate> candidates, int minCount) {
        return candidates.values().stream()
                .filter(c -> c.count >= minCount)
                .sorted(Candidate.ORDER)
                .toList();
    }

    private record Token(String lower, String surface, boolean isContent) {}

    /** A word or word pair with how often, from where and how capitalised it occurs. */
    private static final class Candidate {

        // Pairs ahead of single words that occur as often: they say more.
        static final Comparator<Candidate> ORDER = Comparator.<Candidate>comparingInt(c -> -c.count)
                .thenComparingInt(c -> -c.words)
                .thenComparingInt(c -> c.first);

        final String text;
        final int words;
        int count;
        int first = -1;
        int capitalised;
        String capitalisedForm;

        Candidate(String text, int words) {
            this.text = text;
            this.words = words;
        }

        Candidate seen(int position, String surface) {
            if (count++ == 0) {
                first = position;
            }
            if (!surface.equals(text)) {
                capitalised++;
                if (capitalisedForm == null) {
                    capitalisedForm = surface;
                }
            }
            return this;
        }

        /** Lower case, unless the text is mostly written capitalised: then it is a name, like "Mount Hood". */
        String display() {
            return capitalised * 2 > count ? capitalisedForm : text;
        }
    }
}
