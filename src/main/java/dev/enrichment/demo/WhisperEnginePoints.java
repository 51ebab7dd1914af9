package dev.enrichment.demo;

import static io.qdrant.client.ValueFactory.nullValue;
import static io.qdrant.client.ValueFactory.value;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Demo and test data only: builds Qdrant points exactly as WhisperEngine bots write them (reference §1.3/§1.4), so the
 * tests and the demo seeder ({@link DemoSeeder}) feed the service the same points a live bot would. The service
 * itself never writes conversation points; it only reads them.
 */
public final class WhisperEnginePoints {

    /** How the {@code timestamp} string is written; the instant and {@code timestamp_unix} stay the same. */
    public enum TimestampFormat {
        /** {@code datetime.utcnow().isoformat()}: no offset, fraction only when microseconds are not 0. */
        NAIVE,
        /** Naive, with the time cut to whole seconds, so there is never a fraction. */
        NAIVE_WHOLE_SECONDS,
        /** The same UTC time with a trailing {@code Z}. */
        UTC_Z,
        /** The same instant written in {@code +02:00}. */
        OFFSET_PLUS_TWO
    }

    /** Ways a point can be unusable for the worker; every other field stays as bots write it. */
    public enum Malformation {
        MISSING_USER_ID,
        /** Neither {@code timestamp} nor {@code timestamp_unix}. */
        MISSING_TIMESTAMP,
        /** A {@code timestamp} that is not a date, and no {@code timestamp_unix}. */
        UNPARSEABLE_TIMESTAMP,
        MISSING_CONTENT,
        INTEGER_CONTENT,
        STRUCT_CONTENT
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final String channelId;
    private final String channelType;
    private final String emotion;
    private final String botRole;
    private final TimestampFormat timestampFormat;
    private final boolean writeTimestampUnix;
    private final Supplier<UUID> ids;

    private WhisperEnginePoints(
            String channelId,
            String channelType,
            String emotion,
            String botRole,
            TimestampFormat timestampFormat,
            boolean writeTimestampUnix,
            Supplier<UUID> ids) {
        this.channelId = channelId;
        this.channelType = channelType;
        this.emotion = emotion;
        this.botRole = botRole;
        this.timestampFormat = timestampFormat;
        this.writeTimestampUnix = writeTimestampUnix;
        this.ids = ids;
    }

    /**
     * A direct-message writer with emotion {@code neutral}, bot role {@code assistant} and random UUID4 ids. Each
     * exchange becomes three {@code conversation} points (user at T, bot at T + 1 ms, {@code conversation_pair} at
     * T) with a naive-UTC ISO {@code timestamp} as Python's {@code isoformat()} prints it, a float
     * {@code timestamp_unix}, the metadata spread to the payload root and no vectors. Settings return changed copies:
     *
     * <pre>{@code
     * WhisperEnginePoints bot = WhisperEnginePoints.writer().emotion("joy");
     * target.upsert("whisperengine_memory_elena", bot.exchange("u1", at, "I love marine biology!", "So do I!"));
     * target.upsert("whisperengine_memory_elena", bot.legacyBotRole().withoutTimestampUnix().exchange(...));
     * }</pre>
     */
    public static WhisperEnginePoints writer() {
        return new WhisperEnginePoints(
                "1100000000000000001", "dm", "neutral", "assistant", TimestampFormat.NAIVE, true, UUID::randomUUID);
    }

    /** The {@code emotional_context} (RoBERTa label) of the following points, e.g. {@code joy}. */
    public WhisperEnginePoints emotion(String label) {
        return new WhisperEnginePoints(
                channelId, channelType, label, botRole, timestampFormat, writeTimestampUnix, ids);
    }

    /** {@code channel_id} and {@code channel_type} ({@code dm}/{@code guild}); either may be null. */
    public WhisperEnginePoints channel(String id, String type) {
        return new WhisperEnginePoints(id, type, emotion, botRole, timestampFormat, writeTimestampUnix, ids);
    }

    /** Writes the bot's messages with the legacy role {@code bot} instead of {@code assistant}. */
    public WhisperEnginePoints legacyBotRole() {
        return new WhisperEnginePoints(
                channelId, channelType, emotion, "bot", timestampFormat, writeTimestampUnix, ids);
    }

    /** How the following points write {@code timestamp}; see {@link TimestampFormat}. */
    public WhisperEnginePoints timestampFormat(TimestampFormat format) {
        return new WhisperEnginePoints(channelId, channelType, emotion, botRole, format, writeTimestampUnix, ids);
    }

    /** Leaves {@code timestamp_unix} out, as older points do; only the ISO {@code timestamp} remains. */
    public WhisperEnginePoints withoutTimestampUnix() {
        return new WhisperEnginePoints(channelId, channelType, emotion, botRole, timestampFormat, false, ids);
    }

    /** Draws point ids (still version-4 UUIDs) from a seeded generator, for repeatable ids. Not thread-safe. */
    public WhisperEnginePoints seeded(long seed) {
        Random random = new Random(seed);
        Supplier<UUID> seededIds = () -> uuid4(random.nextLong(), random.nextLong());
        return new WhisperEnginePoints(
                channelId, channelType, emotion, botRole, timestampFormat, writeTimestampUnix, seededIds);
    }

    /** One exchange: user point at {@code naiveUtc}, bot point 1 ms later, pair point at {@code naiveUtc}. */
    public List<PointStruct> exchange(String userId, LocalDateTime naiveUtc, String userText, String botText) {
        return exchange(userId, naiveUtc, userText, botText, Map.of());
    }

    /**
     * An emoji reaction, written through the same store call as a conversation turn: three {@code conversation}
     * points with {@code interaction_type=emoji_reaction}, user content {@code [EMOJI_REACTION] <emoji>} and bot
     * content {@code [EMOTIONAL_FEEDBACK] <emotion> (confidence: 0.90)}.
     */
    public List<PointStruct> emojiReaction(String userId, LocalDateTime naiveUtc, String emoji) {
        String standardized = emojiEmotion(emoji);
        Map<String, Value> reaction = new LinkedHashMap<>();
        reaction.put("interaction_type", value("emoji_reaction"));
        reaction.put("emotion_type", value(standardized.equals("joy") ? "positive_strong" : "negative_mild"));
        reaction.put("standardized_emotion", value(standardized));
        reaction.put("confidence_score", value(0.9));
        reaction.put("original_bot_message", value("That sounds wonderful, tell me more!"));
        reaction.put("character_context", value("emoji reaction to a bot message"));
        reaction.put("reaction_timestamp", value(isoTimestamp(naiveUtc)));
        return exchange(
                userId,
                naiveUtc,
                "[EMOJI_REACTION] " + emoji,
                "[EMOTIONAL_FEEDBACK] " + standardized + " (confidence: 0.90)",
                reaction);
    }

    /**
     * {@code count} alternating user and bot messages: exchange {@code i} starts at {@code start + i * spacing}, its
     * bot reply follows 1 ms later and it has its pair point. An odd count ends with a lone user message (no pair).
     * So 2,500 messages make 1,250 exchanges and 3,750 points.
     */
    public List<PointStruct> conversation(String userId, LocalDateTime start, int count, Duration spacing) {
        List<PointStruct> points = new ArrayList<>();
        for (int exchange = 0; exchange * 2 < count; exchange++) {
            LocalDateTime at = start.plus(spacing.multipliedBy(exchange));
            String userText = "user message " + (exchange * 2 + 1) + " from " + userId;
            if (exchange * 2 + 1 == count) {
                points.add(point(userId, at, userText, "user", "user_message", true, Map.of()));
            } else {
                points.addAll(exchange(userId, at, userText, "bot reply " + (exchange * 2 + 2) + " to " + userId));
            }
        }
        return points;
    }

    /** One user point at {@code naiveUtc} with the given defect. */
    public PointStruct malformed(Malformation kind, String userId, LocalDateTime naiveUtc) {
        PointStruct.Builder point =
                point(userId, naiveUtc, "a message with a defect", "user", "user_message", true, Map.of()).toBuilder();
        switch (kind) {
            case MISSING_USER_ID -> point.removePayload("user_id");
            case MISSING_TIMESTAMP -> point.removePayload("timestamp").removePayload("timestamp_unix");
            case UNPARSEABLE_TIMESTAMP ->
                point.putPayload("timestamp", value("yesterday at noon")).removePayload("timestamp_unix");
            case MISSING_CONTENT -> point.removePayload("content");
            case INTEGER_CONTENT -> point.putPayload("content", value(42));
            case STRUCT_CONTENT -> point.putPayload("content", value(Map.of("text", value("nested message"))));
        }
        return point.build();
    }

    /** Python's {@code datetime.isoformat()} of a naive datetime: microsecond precision, no fraction when zero. */
    public static String pythonIsoFormat(LocalDateTime naive) {
        int micros = naive.getNano() / 1_000;
        String seconds = SECONDS.format(naive);
        return micros == 0 ? seconds : seconds + String.format(Locale.ROOT, ".%06d", micros);
    }

    /** Python's {@code .timestamp()} of a naive datetime on a host running in UTC. */
    public static double unixSeconds(LocalDateTime naiveUtc) {
        LocalDateTime micros = naiveUtc.truncatedTo(ChronoUnit.MICROS);
        return micros.toEpochSecond(ZoneOffset.UTC) + micros.getNano() / 1_000_000_000.0;
    }

    private List<PointStruct> exchange(
            String userId, LocalDateTime naiveUtc, String userText, String botText, Map<String, Value> extra) {
        Map<String, Value> pairFields = new LinkedHashMap<>(extra);
        pairFields.put("user_message", value(userText));
        pairFields.put("bot_response", value(botText));
        return List.of(
                point(userId, naiveUtc, userText, "user", "user_message", true, extra),
                point(userId, naiveUtc.plus(1, ChronoUnit.MILLIS), botText, botRole, "bot_response", false, extra),
                point(userId, naiveUtc, userText, "conversation_pair", "conversation_pair", true, pairFields));
    }

    private PointStruct point(
            String userId,
            LocalDateTime naiveUtc,
            String content,
            String role,
            String source,
            boolean withEmotionData,
            Map<String, Value> extra) {
        LocalDateTime at = timestampFormat == TimestampFormat.NAIVE_WHOLE_SECONDS
                ? naiveUtc.truncatedTo(ChronoUnit.SECONDS)
                : naiveUtc.truncatedTo(ChronoUnit.MICROS);
        Map<String, Value> payload = new LinkedHashMap<>();
        payload.put("user_id", value(userId));
        payload.put("memory_type", value("conversation"));
        payload.put("content", value(content));
        payload.put("timestamp", value(isoTimestamp(at)));
        if (writeTimestampUnix) {
            payload.put("timestamp_unix", value(unixSeconds(at)));
        }
        payload.put("role", value(role));
        payload.put("source", value(source));
        payload.put("channel_id", channelId == null ? nullValue() : value(channelId));
        payload.put("channel_type", channelType == null ? nullValue() : value(channelType));
        payload.put("content_hash", value(contentHash(content)));
        payload.put("emotional_context", value(emotion));
        payload.put("emotional_intensity", value(0.6));
        payload.put("roberta_confidence", value(0.87));
        payload.put("word_count", value(content.split("\\s+").length));
        payload.put("char_count", value(content.length()));
        if (withEmotionData) {
            payload.put(
                    "emotion_data",
                    value(Map.of(
                            "primary_emotion", value(emotion),
                            "confidence", value(0.87),
                            "intensity", value(0.6))));
        }
        payload.putAll(extra);
        return PointStruct.newBuilder()
                .setId(PointIdFactory.id(ids.get()))
                .putAllPayload(payload)
                .build();
    }

    private String isoTimestamp(LocalDateTime naiveUtc) {
        return switch (timestampFormat) {
            case NAIVE, NAIVE_WHOLE_SECONDS -> pythonIsoFormat(naiveUtc);
            case UTC_Z -> pythonIsoFormat(naiveUtc) + "Z";
            case OFFSET_PLUS_TWO -> pythonIsoFormat(naiveUtc.plusHours(2)) + "+02:00";
        };
    }

    private static String emojiEmotion(String emoji) {
        return switch (emoji) {
            case "😢", "😭", "💔" -> "sadness";
            case "😡", "👎" -> "anger";
            default -> "joy";
        };
    }

    /**
     * Stands in for Python's {@code hash()} of the lowercased, stripped content, which is salted per process anyway:
     * any stable 64-bit value will do. This is FNV-1a.
     */
    private static long contentHash(String content) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : content.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static UUID uuid4(long high, long low) {
        return new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
