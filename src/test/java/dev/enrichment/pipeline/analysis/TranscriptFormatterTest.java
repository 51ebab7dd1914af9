package dev.enrichment.pipeline.analysis;

import static dev.enrichment.pipeline.analysis.AnalysisFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptFormatterTest {

    private final TranscriptFormatter formatter = new TranscriptFormatter("elena");

    @Test
    void writesOneLinePerMessageWithUtcTimeAndSpeaker() {
        Message user = new Message(
                "p1",
                "elena",
                "u1",
                Role.USER,
                "I love marine biology!",
                Instant.parse("2025-10-18T23:23:30.655569Z"),
                null,
                false);
        Message bot = new Message(
                "p2",
                "elena",
                "u1",
                Role.ASSISTANT,
                "That's wonderful.",
                Instant.parse("2025-10-18T23:23:31Z"),
                "joy",
                false);

        String transcript = TranscriptFormatter.join(formatter.lines(List.of(user, bot)));

        assertThat(transcript).isEqualTo("""
                [2025-10-18T23:23:30Z] User: I love marine biology!

                [2025-10-18T23:23:31Z] Elena: That's wonderful.""");
    }

    @Test
    void cutsEachMessageToTwoThousandCharacters() {
        String line = formatter.line(message(0, Role.USER, "a".repeat(1_999) + "bc" + "d".repeat(500)));

        assertThat(line).isEqualTo("[2025-10-18T00:00:00Z] User: " + "a".repeat(1_999) + "b");
        assertThat(formatter.line(message(0, Role.USER, "x".repeat(2_000)))).endsWith(": " + "x".repeat(2_000));
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        String content = "a".repeat(1_999) + "\uD83D\uDE00" + "tail";

        assertThat(TranscriptFormatter.cut(content)).isEqualTo("a".repeat(1_999));
    }

    @Test
    void capitalisesTheBotNameAndKeepsOneAlreadyCapitalised() {
        assertThat(TranscriptFormatter.displayName("elena")).isEqualTo("Elena");
        assertThat(TranscriptFormatter.displayName("DreamBot")).isEqualTo("DreamBot");
        assertThat(TranscriptFormatter.displayName("marcus_chen")).isEqualTo("Marcus_chen");
        assertThat(TranscriptFormatter.displayName(" ")).isEqualTo("Assistant");
    }
}
