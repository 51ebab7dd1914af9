package dev.enrichment.context;

/**
 * The character budget of one context block: {@code max_tokens} at 4 characters a token. Sections and lines are
 * only ever added whole, after asking whether they fit, so the block can never exceed it.
 */
final class BlockBudget {

    static final int CHARS_PER_TOKEN = 4;
    /** Between two sections: an empty line. */
    static final String SECTION_GAP = "\n\n";

    private final int maxChars;
    private final StringBuilder block = new StringBuilder();

    BlockBudget(int maxTokens) {
        this.maxChars = maxTokens * CHARS_PER_TOKEN;
    }

    /** Estimated tokens of a text: its characters over 4, rounded up. */
    static int tokens(CharSequence text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Opens a section for its lines, tried in order of value. */
    Section section(String heading) {
        return new Section(heading);
    }

    String text() {
        return block.toString();
    }

    int remaining() {
        return maxChars - block.length();
    }

    /**
     * A section of the block: its heading is written with its first line that fits, so a section none of whose
     * lines fit leaves no heading behind.
     */
    final class Section {

        private final String heading;
        private boolean open;

        private Section(String heading) {
            this.heading = heading;
        }

        /** Adds the line if it fits (with the heading and the gap before the section if still unwritten). */
        boolean add(String line) {
            String text = open ? "\n" + line : (block.length() == 0 ? "" : SECTION_GAP) + heading + "\n" + line;
            if (text.length() > remaining()) {
                return false;
            }
            block.append(text);
            open = true;
            return true;
        }

        /**
         * Adds the longest run of leading sentences that fits, after {@code prefix} on one line; the sentences that
         * did not fit are counted in the result, all of them when not even the first fits (nothing is added).
         */
        Fitted addSentences(String prefix, java.util.List<String> sentences) {
            for (int n = sentences.size(); n > 0; n--) {
                String line = prefix + String.join(" ", sentences.subList(0, n));
                if (add(line)) {
                    return new Fitted(String.join(" ", sentences.subList(0, n)), sentences.size() - n);
                }
            }
            return new Fitted(null, sentences.size());
        }

        boolean isEmpty() {
            return !open;
        }
    }

    /**
     * Sentences written for one item.
     *
     * @param text the sentences written, null when none fitted
     * @param left how many sentences were left out
     */
    record Fitted(String text, int left) {}
}
