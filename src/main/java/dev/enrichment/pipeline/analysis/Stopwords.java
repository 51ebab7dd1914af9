package dev.enrichment.pipeline.analysis;

import java.util.Set;

/** English function words and chat filler, left out when the extractive analyser counts what a window is about. */
final class Stopwords {

    private static final Set<String> WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "ago", "all", "almost", "also", "although", "always",
            "am", "an", "and", "another", "any", "anyone", "anything", "anyway", "are", "aren't", "around", "as", "ask",
            "asked", "at", "away", "back", "be", "because", "been", "before", "being", "below", "best", "better",
            "between", "both", "but", "by", "can", "can't", "cannot", "come", "could", "couldn't", "day", "did",
            "didn't", "do", "does", "doesn't", "doing", "don't", "done", "down", "during", "each", "either", "else",
            "enough", "even", "ever", "every", "everything", "feel", "feels", "few", "for", "from", "further", "get",
            "gets", "getting", "give", "go", "goes", "going", "gonna", "good", "got", "great", "had", "hadn't", "has",
            "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "hello", "her", "here", "here's",
            "hers", "herself", "hey", "hi", "him", "himself", "his", "how", "how's", "however", "i", "i'd", "i'll",
            "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it'd", "it'll", "it's", "its", "itself", "just",
            "keep", "kind", "know", "last", "least", "less", "let", "let's", "like", "likely", "little", "lol", "look",
            "lot", "lots", "made", "make", "makes", "many", "may", "maybe", "me", "mean", "might", "more", "most",
            "much", "must", "mustn't", "my", "myself", "need", "never", "new", "next", "nice", "no", "nor", "not",
            "nothing", "now", "of", "off", "oh", "ok", "okay", "on", "once", "one", "only", "or", "other", "others",
            "ought", "our", "ours", "ourselves", "out", "over", "own", "people", "please", "pretty", "quite", "rather",
            "really", "right", "said", "same", "say", "says", "see", "seem", "seems", "shall", "shan't", "she",
            "she'd", "she'll", "she's", "should", "shouldn't", "since", "so", "some", "someone", "something",
            "sometimes", "soon", "sorry", "still", "such", "sure", "take", "tell", "than", "thank", "thanks", "that",
            "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they",
            "they'd", "they'll", "they're", "they've", "thing", "things", "think", "this", "those", "though",
            "through", "time", "to", "today", "too", "totally", "try", "under", "until", "up", "upon", "us", "use",
            "used", "very", "via", "want", "wanna", "was", "wasn't", "way", "we", "we'd", "we'll", "we're", "we've",
            "well", "were", "weren't", "what", "what's", "whatever", "when", "when's", "where", "where's", "whether",
            "which", "while", "who", "who's", "whom", "why", "why's", "will", "with", "won't", "would", "wouldn't",
            "yeah", "yes", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
            "yourselves", "yep", "wow", "hmm", "haha", "user", "bot");

    private Stopwords() {
    }

    static boolean contains(String lowerCaseWord) {
        return WORDS.contains(lowerCaseWord);
    }
}
