package dev.enrichment.testsupport.qdrant;

import static dev.enrichment.testsupport.qdrant.ClientCalls.await;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.demo.WhisperEnginePoints.Malformation;
import dev.enrichment.demo.WhisperEnginePoints.TimestampFormat;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fixture writes points the way WhisperEngine's {@code store_conversation} does. */
class WhisperEnginePointsTest {

    private static final LocalDateTime AT = LocalDateTime.of(2025, 10, 18, 23, 23, 30, 655_569_000);

    private final WhisperEnginePoints bot = WhisperEnginePoints.writer().emotion("joy");

    @Test
    void exchangeWritesUserBotAndPairPoints() {
        List<PointStruct> points = bot.exchange("672814231002939413", AT, "I love marine biology!", "So do I!");

        assertThat(points)
                .extracting(point -> text(point, "role"))
                .containsExactly("user", "assistant", "conversation_pair");
        assertThat(points)
                .extracting(point -> text(point, "source"))
                .containsExactly("user_message", "bot_response", "conversation_pair");
        assertThat(points)
                .extracting(point -> text(point, "content"))
                .containsExactly("I love marine biology!", "So do I!", "I love marine biology!");
        assertThat(points).allSatisfy(point -> {
            assertThat(text(point, "memory_type")).isEqualTo("conversation");
            assertThat(text(point, "user_id")).isEqualTo("672814231002939413");
            assertThat(text(point, "emotional_context")).isEqualTo("joy");
            assertThat(point.getPayloadMap()).containsKeys("channel_id", "channel_type", "content_hash");
            assertThat(point.hasVectors()).isFalse();
            assertThat(UUID.fromString(point.getId().getUuid()).version()).isEqualTo(4);
        });
        assertThat(points.get(2).getPayloadMap())
                .containsEntry(
                        "user_message",
                        Value.newBuilder()
                                .setStringValue("I love marine biology!")
                                .build())
                .containsEntry(
                        "bot_response",
                        Value.newBuilder().setStringValue("So do I!").build());
        assertThat(points)
                .extracting(point -> point.getPayloadMap().containsKey("emotion_data"))
                .containsExactly(true, false, true);
    }

    @Test
    void timestampsAreNaiveIsoformatWithTheBotReplyOneMillisecondLater() {
        List<PointStruct> points = bot.exchange("u1", AT, "hi", "hello");

        assertThat(points)
                .extracting(point -> text(point, "timestamp"))
                .containsExactly(
                        "2025-10-18T23:23:30.655569", "2025-10-18T23:23:30.656569", "2025-10-18T23:23:30.655569");
        assertThat(points.get(0).getPayloadOrThrow("timestamp_unix").getDoubleValue())
                .isEqualTo(1760829810.655569);
        assertThat(WhisperEnginePoints.pythonIsoFormat(LocalDateTime.of(2025, 10, 18, 23, 23, 30)))
                .isEqualTo("2025-10-18T23:23:30");
        assertThat(WhisperEnginePoints.pythonIsoFormat(LocalDateTime.of(2025, 10, 18, 23, 23, 30, 1_000)))
                .isEqualTo("2025-10-18T23:23:30.000001");
    }

    @Test
    void timestampVariantsChangeOnlyTheWayTheTimeIsWritten() {
        assertThat(timestampWith(bot.timestampFormat(TimestampFormat.UTC_Z))).isEqualTo("2025-10-18T23:23:30.655569Z");
        assertThat(timestampWith(bot.timestampFormat(TimestampFormat.OFFSET_PLUS_TWO)))
                .isEqualTo("2025-10-19T01:23:30.655569+02:00");
        assertThat(timestampWith(bot.timestampFormat(TimestampFormat.NAIVE_WHOLE_SECONDS)))
                .isEqualTo("2025-10-18T23:23:30");

        PointStruct isoOnly =
                bot.withoutTimestampUnix().exchange("u1", AT, "hi", "hello").get(0);
        PointStruct offset = bot.timestampFormat(TimestampFormat.OFFSET_PLUS_TWO)
                .exchange("u1", AT, "hi", "hello")
                .get(0);
        assertThat(isoOnly.getPayloadMap()).containsKey("timestamp").doesNotContainKey("timestamp_unix");
        assertThat(offset.getPayloadOrThrow("timestamp_unix").getDoubleValue())
                .isEqualTo(WhisperEnginePoints.unixSeconds(AT));
    }

    @Test
    void emojiReactionWritesThreeTaggedConversationPoints() {
        List<PointStruct> points = bot.emojiReaction("u1", AT, "❤️");

        assertThat(points)
                .extracting(point -> text(point, "content"))
                .containsExactly(
                        "[EMOJI_REACTION] ❤️", "[EMOTIONAL_FEEDBACK] joy (confidence: 0.90)", "[EMOJI_REACTION] ❤️");
        assertThat(points).allSatisfy(point -> {
            assertThat(text(point, "interaction_type")).isEqualTo("emoji_reaction");
            assertThat(text(point, "memory_type")).isEqualTo("conversation");
            assertThat(point.getPayloadMap())
                    .containsKeys(
                            "emotion_type",
                            "standardized_emotion",
                            "confidence_score",
                            "original_bot_message",
                            "character_context",
                            "reaction_timestamp");
        });
    }

    @Test
    void legacyBotRoleWritesBotForTheReply() {
        assertThat(bot.legacyBotRole().exchange("u1", AT, "hi", "hello"))
                .extracting(point -> text(point, "role"))
                .containsExactly("user", "bot", "conversation_pair");
    }

    @Test
    void malformedPointsLackExactlyWhatTheirNameSays() {
        assertThat(bot.malformed(Malformation.MISSING_USER_ID, "u1", AT).getPayloadMap())
                .doesNotContainKey("user_id")
                .containsKeys("content", "timestamp", "timestamp_unix");
        assertThat(bot.malformed(Malformation.MISSING_TIMESTAMP, "u1", AT).getPayloadMap())
                .doesNotContainKeys("timestamp", "timestamp_unix")
                .containsKey("user_id");
        assertThat(text(bot.malformed(Malformation.UNPARSEABLE_TIMESTAMP, "u1", AT), "timestamp"))
                .isEqualTo("yesterday at noon");
        assertThat(bot.malformed(Malformation.MISSING_CONTENT, "u1", AT).getPayloadMap())
                .doesNotContainKey("content");
        assertThat(bot.malformed(Malformation.INTEGER_CONTENT, "u1", AT)
                        .getPayloadOrThrow("content")
                        .hasIntegerValue())
                .isTrue();
        assertThat(bot.malformed(Malformation.STRUCT_CONTENT, "u1", AT)
                        .getPayloadOrThrow("content")
                        .hasStructValue())
                .isTrue();
    }

    @Test
    void conversationAlternatesUserAndBotMessagesWithPairs() {
        List<PointStruct> points = bot.conversation("u1", AT, 2_500, Duration.ofMinutes(1));
        List<PointStruct> odd = bot.conversation("u1", AT, 5, Duration.ofMinutes(1));

        assertThat(points).hasSize(3_750);
        assertThat(points.stream().filter(point -> text(point, "role").equals("user")))
                .hasSize(1_250);
        assertThat(points.stream().filter(point -> text(point, "role").equals("assistant")))
                .hasSize(1_250);
        assertThat(points.stream().map(point -> point.getId().getUuid()).distinct())
                .hasSize(3_750);
        assertThat(text(points.get(3), "timestamp")).isEqualTo("2025-10-18T23:24:30.655569");
        assertThat(odd)
                .extracting(point -> text(point, "role"))
                .containsExactly(
                        "user", "assistant", "conversation_pair", "user", "assistant", "conversation_pair", "user");
    }

    @Test
    void seededWriterRepeatsItsIds() {
        List<String> first = WhisperEnginePoints.writer().seeded(7).exchange("u1", AT, "a", "b").stream()
                .map(point -> point.getId().getUuid())
                .toList();
        List<String> second = WhisperEnginePoints.writer().seeded(7).exchange("u1", AT, "a", "b").stream()
                .map(point -> point.getId().getUuid())
                .toList();

        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
        assertThat(UUID.fromString(first.get(0)).version()).isEqualTo(4);
    }

    @Test
    void exchangeIsFoundByTheWorkersWindowFilter() {
        try (QdrantTestTarget target = QdrantTestTarget.create()) {
            target.deleteCollection("whisperengine_memory_sophia_7d");
            target.createWhisperEngineCollection("whisperengine_memory_sophia_7d");
            target.upsert("whisperengine_memory_sophia_7d", bot.exchange("u1", AT, "hi", "hello"));
            target.upsert("whisperengine_memory_sophia_7d", bot.exchange("u2", AT, "hey", "hey yourself"));
            double start = WhisperEnginePoints.unixSeconds(AT);

            long inWindow = await(target.client()
                    .countAsync(
                            "whisperengine_memory_sophia_7d",
                            Filter.newBuilder()
                                    .addMust(matchKeyword("user_id", "u1"))
                                    .addMust(range(
                                            "timestamp_unix",
                                            Range.newBuilder()
                                                    .setGte(start)
                                                    .setLte(start + 0.5)
                                                    .build()))
                                    .build(),
                            true));

            assertThat(inWindow).isEqualTo(3);
            target.deleteCollection("whisperengine_memory_sophia_7d");
        }
    }

    private String timestampWith(WhisperEnginePoints writer) {
        return text(writer.exchange("u1", AT, "hi", "hello").get(0), "timestamp");
    }

    private static String text(PointStruct point, String key) {
        Map<String, Value> payload = point.getPayloadMap();
        return payload.containsKey(key) ? payload.get(key).getStringValue() : null;
    }
}
