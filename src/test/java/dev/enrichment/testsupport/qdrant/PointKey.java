package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Common.PointId;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A point id in Qdrant's scroll order.
 *
 * <p>Qdrant's {@code ExtendedPointId} is an enum of {@code NumId(u64)} then {@code Uuid(Uuid)} with a derived ordering,
 * so every integer id sorts before every UUID; integers compare as unsigned 64-bit numbers and UUIDs by their 16 bytes
 * (which equals comparing the lowercase hyphenated strings).
 */
record PointKey(boolean numeric, long num, long mostSignificant, long leastSignificant)
        implements Comparable<PointKey> {

    private static final Pattern SIMPLE_UUID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern HYPHENATED_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static PointKey of(PointId id) {
        return switch (id.getPointIdOptionsCase()) {
            case NUM -> new PointKey(true, id.getNum(), 0, 0);
            case UUID -> of(parseUuid(id.getUuid()));
            case POINTIDOPTIONS_NOT_SET -> throw QdrantErrors.wrongInput("point id is missing");
        };
    }

    static PointKey of(UUID uuid) {
        return new PointKey(false, 0, uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    PointId toPointId() {
        PointId.Builder builder = PointId.newBuilder();
        return numeric
                ? builder.setNum(num).build()
                : builder.setUuid(new UUID(mostSignificant, leastSignificant).toString())
                        .build();
    }

    @Override
    public int compareTo(PointKey other) {
        if (numeric != other.numeric) {
            return numeric ? -1 : 1;
        }
        if (numeric) {
            return Long.compareUnsigned(num, other.num);
        }
        int high = Long.compareUnsigned(mostSignificant, other.mostSignificant);
        return high != 0 ? high : Long.compareUnsigned(leastSignificant, other.leastSignificant);
    }

    @Override
    public String toString() {
        return numeric ? Long.toUnsignedString(num) : new UUID(mostSignificant, leastSignificant).toString();
    }

    /** Accepts the hyphenated, simple (32 hex digits), braced and URN forms, as Qdrant's UUID parser does. */
    private static UUID parseUuid(String text) {
        String candidate = text.trim().toLowerCase(Locale.ROOT);
        if (candidate.startsWith("urn:uuid:")) {
            candidate = candidate.substring("urn:uuid:".length());
        }
        if (candidate.startsWith("{") && candidate.endsWith("}")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (SIMPLE_UUID.matcher(candidate).matches()) {
            candidate = candidate.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5");
        }
        if (!HYPHENATED_UUID.matcher(candidate).matches()) {
            throw QdrantErrors.wrongInput("Unable to parse UUID: " + text);
        }
        return UUID.fromString(candidate);
    }
}
