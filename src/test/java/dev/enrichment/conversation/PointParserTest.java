package dev.enrichment.conversation;

import static io.qdrant.client.ValueFactory.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PointParserTest {

    private static final Instant AT = Instant.parse("2025-10-18T23:23:30.655569Z");

    private final PointParser parser = new PointParser(100);

    @Test
    void readsAUserMessageWithItsEmotionLabel() {
        Map<String, Value> payload = message("user");
        payload.put("emotional_context", value("joy"));

        ParsedPoint parsed = parser.parse("elena", point(payload));

        assertThat(parsed.kind()).isEqualTo(ParsedPoint.Kind.MESSAGE);
        Message m = parsed.message();
        assertThat(m.bot()).isEqualTo("elena");
        assertThat(m.userId()).isEqualTo("672814231002939413");
        assertThat(m.role()).isEqualTo(Role.USER);
        assertThat(m.content()).isEqualTo("I love marine biology!");
        assertThat(m.timestamp()).isEqualTo(AT);
        assertThat(m.emotion()).contains("joy");
        assertThat(m.truncated()).isFalse();
    }

    @Test
    void countsLegacyBotRoleAsAssistant() {
        assertThat(parser.parse("elena", point(message("bot"))).message().role())
                .isEqualTo(Role.ASSISTANT);
        assertThat(parser.parse("elena", point(message("assistant"))).message().role())
                .isEqualTo(Role.ASSISTANT);
    }

    @Test
    void fallsBackToLegacyMemoryTypeWhenThereIsNoRole() {
        Map<String, Value> payload = message("user");
        payload.remove("role");
        payload.put("memory_type", value("bot_response"));

        assertThat(parser.parse("elena", point(payload)).message().role()).isEqualTo(Role.ASSISTANT);
    }

    @Test
    void skipsPairAndEmojiPointsAsNotMessages() {
        Map<String, Value> emoji = message("user");
        emoji.put("interaction_type", value("emoji_reaction"));

        assertThat(parser.parse("elena", point(message("conversation_pair"))).kind())
                .isEqualTo(ParsedPoint.Kind.NOT_A_MESSAGE);
        assertThat(parser.parse("elena", point(emoji)).kind()).isEqualTo(ParsedPoint.Kind.NOT_A_MESSAGE);
    }

    @Test
    void prefersTimestampUnixOverTheIsoString() {
        Map<String, Value> payload = message("user");
        payload.put("timestamp", value("2001-01-01T00:00:00"));

        assertThat(parser.parse("elena", point(payload)).message().timestamp()).isEqualTo(AT);
    }

    @Test
    void readsEveryIsoTimestampFormWhenUnixTimeIsMissing() {
        assertThat(isoTime("2025-10-18T23:23:30.655569")).isEqualTo(AT);
        assertThat(isoTime("2025-10-18T23:23:30")).isEqualTo(Instant.parse("2025-10-18T23:23:30Z"));
        assertThat(isoTime("2025-10-18T23:23:30.655569Z")).isEqualTo(AT);
        assertThat(isoTime("2025-10-19T01:23:30.655569+02:00")).isEqualTo(AT);
        assertThat(isoTime("2025-10-18 23:23:30.655569")).isEqualTo(AT);
    }

    @Test
    void acceptsIntegerUnixTime() {
        Map<String, Value> payload = message("user");
        payload.put("timestamp_unix", value(1760829810L));

        assertThat(parser.parse("elena", point(payload)).message().timestamp())
                .isEqualTo(Instant.ofEpochSecond(1760829810L));
    }

    @Test
    void marksPointsWithoutUserTimeOrTextAsMalformed() {
        Map<String, Value> noUser = message("user");
        noUser.remove("user_id");
        Map<String, Value> noTime = message("user");
        noTime.remove("timestamp_unix");
        noTime.put("timestamp", value("yesterday"));
        Map<String, Value> numericContent = message("user");
        numericContent.put("content", value(42L));
        Map<String, Value> blank = message("user");
        blank.put("content", value("   "));

        assertThat(parser.parse("elena", point(noUser)).reason()).isEqualTo("no user_id");
        assertThat(parser.parse("elena", point(noTime)).reason()).isEqualTo("no usable timestamp");
        assertThat(parser.parse("elena", point(numericContent)).reason()).isEqualTo("content is not text");
        assertThat(parser.parse("elena", point(blank)).kind()).isEqualTo(ParsedPoint.Kind.MALFORMED);
    }

    @Test
    void truncatesLongContentWithAMarkerWithoutSplittingASurrogatePair() {
        Map<String, Value> payload = message("user");
        String emoji = "\uD83D\uDE00";
        payload.put("content", value("a".repeat(99) + emoji + "b".repeat(50)));

        Message m = parser.parse("elena", point(payload)).message();

        assertThat(m.truncated()).isTrue();
        assertThat(m.content()).startsWith("a".repeat(99) + " [truncated 52 characters]");
    }

    private Instant isoTime(String iso) {
        Map<String, Value> payload = message("user");
        payload.remove("timestamp_unix");
        payload.put("timestamp", value(iso));
        return parser.parse("elena", point(payload)).message().timestamp();
    }

    private static Map<String, Value> message(String role) {
        Map<String, Value> payload = new HashMap<>();
        payload.put("user_id", value("672814231002939413"));
        payload.put("role", value(role));
        payload.put("memory_type", value("conversation"));
        payload.put("content", value("I love marine biology!"));
        payload.put("timestamp", value("2025-10-18T23:23:30.655569"));
        payload.put("timestamp_unix", value(1760829810.655569));
        return payload;
    }

    private static RetrievedPoint point(Map<String, Value> payload) {
        return RetrievedPoint.newBuilder()
                .setId(PointIdFactory.id(UUID.randomUUID()))
                .putAllPayload(payload)
                .build();
    }
}
