package dev.enrichment.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits prose into whole sentences, so that a trimmed text never ends inside one. */
final class Sentences {

    // a sentence ends at . ! or ? (closing quotes and brackets kept with it) followed by white space; a final
    // fragment without a stop counts as one sentence, since summaries sometimes end without a full stop
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?…][\"'”’)\\]]?)\\s+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Sentences() {}

    /** The text's sentences in order, white space collapsed; none for a null or blank text. */
    static List<String> of(String text) {
        String flat = flatten(text);
        if (flat.isEmpty()) {
            return List.of();
        }
        List<String> sentences = new ArrayList<>();
        for (String sentence : BOUNDARY.split(flat)) {
            if (!sentence.isBlank()) {
                sentences.add(sentence.strip());
            }
        }
        return List.copyOf(sentences);
    }

    /** The text on one line: runs of white space (new lines included) become one space. */
    static String flatten(String text) {
        return text == null ? "" : SPACE.matcher(text).replaceAll(" ").strip();
    }
}
