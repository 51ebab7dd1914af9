package dev.enrichment.pipeline.analysis;

import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writes a window's messages as the transcript the model reads: {@code [2025-10-18T23:23:30Z] User: text}. */
final class TranscriptFormatter {

    /** Each message is cut to this many characters, as WhisperEngine's summariser does. */
    static final int MAX_MESSAGE_CHARS = 2_000;

    /** Between two transcript lines. */
    static final String SEPARATOR = "\n\n";

    private final String botDisplayName;

    TranscriptFormatter(String botName) {
        this.botDisplayName = displayName(botName);
    }

    /** The bot's name as the transcript and prompts show it: {@code elena} becomes {@code Elena}. */
    static String displayName(String botName) {
        if (botName == null || botName.isBlank()) {
            return "Assistant";
        }
        String name = botName.strip();
        int first = name.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toUpperCase(first))
                .append(name, Character.charCount(first), name.length())
                .toString();
    }

    String botDisplayName() {
        return botDisplayName;
    }

    /** One transcript line per message, in the given order. */
    List<String> lines(List<Message> messages) {
        return messages.stream().map(this::line).toList();
    }

    String line(Message message) {
        String speaker = message.role() == Role.USER ? "User" : botDisplayName;
        return "[" + timestamp(message.timestamp()) + "] " + speaker + ": " + cut(message.content());
    }

    static String join(List<String> lines) {
        return String.join(SEPARATOR, lines);
    }

    static String timestamp(Instant instant) {
        return instant == null
                ? "unknown time"
                : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String cut(String content) {
        if (content == null) {
            return "";
        }
        if (content.length() <= MAX_MESSAGE_CHARS) {
            return content;
        }
        int end = MAX_MESSAGE_CHARS;
        // Never leave half a surrogate pair (an emoji) at the end.
        if (Character.isHighSurrogate(content.charAt(end - 1))) {
            end--;
        }
        return content.substring(0, end);
    }
}
