package dev.enrichment.conversation;

import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The package's reading rules for tests in other packages, so that data written elsewhere (the demo data set) is
 * checked against the service's own parser and bot naming, not against a copy of them.
 */
public final class ConversationRules {

    /** How the service reads one point: {@code kind} is MESSAGE, NOT_A_MESSAGE or MALFORMED. */
    public record Reading(String kind, String userId, String role, Instant timestamp, String reason) {}

    private ConversationRules() {}

    public static Reading read(String bot, PointStruct point) {
        ParsedPoint parsed = new PointParser(20_000)
                .parse(
                        bot,
                        RetrievedPoint.newBuilder()
                                .setId(point.getId())
                                .putAllPayload(point.getPayloadMap())
                                .build());
        Message message = parsed.message();
        return message == null
                ? new Reading(parsed.kind().name(), null, null, null, parsed.reason())
                : new Reading(
                        parsed.kind().name(), message.userId(), message.role().name(), message.timestamp(), null);
    }

    /** The point's time as the service reads it ({@code timestamp_unix}, else the ISO text), or null. */
    public static Instant timestampOf(PointStruct point) {
        return PointParser.timestampOf(point.getPayloadMap());
    }

    public static Optional<String> botNameOf(List<String> prefixes, String collectionName) {
        return new BotNames(prefixes).botNameOf(collectionName);
    }
}
