package dev.enrichment.pipeline.analysis;

import java.util.ArrayList;
import java.util.List;

/** Splits transcript lines into consecutive chunks within a character budget, only ever between two messages. */
final class TranscriptChunker {

    /** Characters per token, the estimate {@code LLM_MAX_INPUT_TOKENS} is converted with. */
    static final int CHARS_PER_TOKEN = 4;

    private TranscriptChunker() {}

    /**
     * Every line lands in exactly one chunk, in order. A chunk holds as many lines as fit the budget once joined, and
     * at least one: a single line longer than the budget gets a chunk of its own rather than being cut or dropped.
     */
    static List<List<String>> split(List<String> lines, int budgetChars) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long currentChars = 0;
        for (String line : lines) {
            long withLine = current.isEmpty()
                    ? line.length()
                    : currentChars + TranscriptFormatter.SEPARATOR.length() + line.length();
            if (!current.isEmpty() && withLine > budgetChars) {
                chunks.add(List.copyOf(current));
                current.clear();
                withLine = line.length();
            }
            current.add(line);
            currentChars = withLine;
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }

    /** The joined length of these lines. */
    static long joinedLength(List<String> lines) {
        long chars = 0;
        for (String line : lines) {
            chars += line.length();
        }
        return chars + (long) Math.max(0, lines.size() - 1) * TranscriptFormatter.SEPARATOR.length();
    }
}
