package dev.enrichment.conversation;

import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Turns WhisperEngine points into {@link Message}s, following how the bots write them (three points per exchange,
 * naive-UTC ISO timestamps next to {@code timestamp_unix}, emoji reactions stored as conversation points).
 */
final class PointParser {

    /** The only payload fields a message needs; the bots store dozens more per point. */
    static final List<String> PAYLOAD_FIELDS = List.of(
            "user_id",
            "role",
            "memory_type",
            "content",
            "timestamp",
            "timestamp_unix",
            "emotional_context",
            "interaction_type");

    /** The fields that say whether a point is a message, whose and when: {@link #PAYLOAD_FIELDS} without the text. */
    static final List<String> MARK_FIELDS =
            List.of("user_id", "role", "memory_type", "timestamp", "timestamp_unix", "interaction_type");

    private static final String EMOJI_REACTION = "emoji_reaction";

    private final int maxContentChars;

    PointParser(int maxContentChars) {
        this.maxContentChars = maxContentChars;
    }

    /**
     * A point read with {@link #MARK_FIELDS} only: a message's mark, or why the point is none. Its text is not
     * checked here; a point whose text turns out unusable is left out when its window is read.
     */
    ParsedPoint parseMark(RetrievedPoint point) {
        Envelope envelope = envelope(point.getPayloadMap());
        return envelope.refusal() != null
                ? envelope.refusal()
                : ParsedPoint.mark(new MessageMark(idOf(point.getId()), envelope.userId(), envelope.timestamp()));
    }

    /** Who wrote a point and when, or (as {@code refusal}) why it is not a usable message apart from its text. */
    private record Envelope(Role role, String userId, Instant timestamp, ParsedPoint refusal) {

        static Envelope refused(ParsedPoint refusal) {
            return new Envelope(null, null, null, refusal);
        }
    }

    private static Envelope envelope(Map<String, Value> payload) {
        if (EMOJI_REACTION.equals(text(payload.get("interaction_type")))) {
            return Envelope.refused(ParsedPoint.notAMessage("emoji reaction"));
        }
        Role role = roleOf(payload);
        if (role == null) {
            return Envelope.refused(ParsedPoint.notAMessage("not a user or assistant message"));
        }
        String userId = userIdOf(payload.get("user_id"));
        String userIdProblem = StorableText.userIdProblem(userId);
        if (userIdProblem != null) {
            return Envelope.refused(ParsedPoint.invalidUserId(userIdProblem));
        }
        Instant timestamp = timestampOf(payload);
        if (timestamp == null) {
            return Envelope.refused(ParsedPoint.malformed("no usable timestamp"));
        }
        return new Envelope(role, userId, timestamp, null);
    }

    ParsedPoint parse(String bot, RetrievedPoint point) {
        Map<String, Value> payload = point.getPayloadMap();
        Envelope envelope = envelope(payload);
        if (envelope.refusal() != null) {
            return envelope.refusal();
        }
        Role role = envelope.role();
        String userId = envelope.userId();
        Instant timestamp = envelope.timestamp();
        Value content = payload.get("content");
        if (content == null || content.getKindCase() != Value.KindCase.STRING_VALUE) {
            return ParsedPoint.malformed("content is not text");
        }
        String raw = content.getStringValue();
        String text = StorableText.clean(raw);
        if (text.isBlank()) {
            return ParsedPoint.malformed("content is blank");
        }
        boolean truncated = text.length() > maxContentChars;
        String kept = truncated ? truncate(text) : text;
        String rawEmotion = text(payload.get("emotional_context"));
        String emotion = StorableText.clean(rawEmotion);
        int dropped = raw.length() - text.length() + StorableText.dropped(rawEmotion);
        return ParsedPoint.message(
                new Message(
                        idOf(point.getId()),
                        bot,
                        userId,
                        role,
                        kept,
                        timestamp,
                        emotion == null || emotion.isBlank() ? null : emotion,
                        truncated),
                dropped);
    }

    /**
     * The bots mark roles with {@code role}; older data used {@code bot} for the assistant, and the oldest only
     * {@code memory_type}. A {@code conversation_pair} point repeats the user's text and is never a message.
     */
    private static Role roleOf(Map<String, Value> payload) {
        String role = text(payload.get("role"));
        if (role != null) {
            switch (role) {
                case "user":
                    return Role.USER;
                case "assistant":
                case "bot":
                    return Role.ASSISTANT;
                default:
                    return null;
            }
        }
        String memoryType = text(payload.get("memory_type"));
        if ("user_message".equals(memoryType)) {
            return Role.USER;
        }
        if ("bot_response".equals(memoryType)) {
            return Role.ASSISTANT;
        }
        return null;
    }

    private static String userIdOf(Value value) {
        if (value == null) {
            return null;
        }
        switch (value.getKindCase()) {
            case STRING_VALUE:
                String id = value.getStringValue().trim();
                return id.isEmpty() ? null : id;
            case INTEGER_VALUE:
                return Long.toString(value.getIntegerValue());
            default:
                return null;
        }
    }

    /** {@code timestamp_unix} when it is a number; otherwise the ISO {@code timestamp}, naive values being UTC. */
    static Instant timestampOf(Map<String, Value> payload) {
        Instant fromUnix = unixSeconds(payload.get("timestamp_unix"));
        if (fromUnix != null) {
            return fromUnix;
        }
        String iso = text(payload.get("timestamp"));
        return iso == null ? null : parseIso(iso.trim());
    }

    private static Instant unixSeconds(Value value) {
        if (value == null) {
            return null;
        }
        double seconds;
        switch (value.getKindCase()) {
            case DOUBLE_VALUE:
                seconds = value.getDoubleValue();
                break;
            case INTEGER_VALUE:
                seconds = value.getIntegerValue();
                break;
            default:
                return null;
        }
        if (!Double.isFinite(seconds) || seconds <= 0) {
            return null;
        }
        long whole = (long) Math.floor(seconds);
        // Round to whole microseconds: the bots' float carries microseconds plus binary noise below them.
        long micros = Math.round((seconds - whole) * 1_000_000d);
        return Instant.ofEpochSecond(whole).plusNanos(micros * 1_000L);
    }

    static Instant parseIso(String iso) {
        if (iso.isEmpty()) {
            return null;
        }
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            // Python's str(datetime) separates date and time with a space instead of 'T'.
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException unusable) {
                return null;
            }
        }
    }

    private String truncate(String text) {
        int cut = maxContentChars;
        // Never split a surrogate pair: the cut text must stay valid UTF-16.
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + " [truncated " + (text.length() - cut) + " characters]";
    }

    private static String text(Value value) {
        return value != null && value.getKindCase() == Value.KindCase.STRING_VALUE ? value.getStringValue() : null;
    }

    static String idOf(PointId id) {
        return id.hasUuid() ? id.getUuid() : Long.toUnsignedString(id.getNum());
    }

    /** A user id fit to be shown and stored in a report: storable, and cut to {@value StorableText#MAX_USER_ID}. */
    static String printableUserId(Value value) {
        String id = userIdOf(value);
        if (id == null) {
            return null;
        }
        String clean = StorableText.clean(id).replaceAll("\\p{Cntrl}", "?");
        return clean.length() > StorableText.MAX_USER_ID ? clean.substring(0, StorableText.MAX_USER_ID) : clean;
    }
}
