package dev.enrichment.fact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** For {@code NativeReflectionTest}: the {@code context_metadata} patches {@link FactStore} writes as JSON. */
public final class FactJsonSamples {

    private static final Instant START = Instant.parse("2025-10-18T00:00:00Z");

    private FactJsonSamples() {}

    /** The patch for a new fact and for one confirmed again, as {@link FactMetadata} builds them. */
    public static List<Map<String, Object>> contextMetadata() {
        FactSource source = new FactSource(
                "u1",
                "elena",
                START,
                START.plusSeconds(3_600),
                START.plusSeconds(1_800),
                List.of("p1", "p2"),
                START.plusSeconds(3_700));
        CheckedFact fact = new CheckedFact("Portland", "location", "lives_in", 0.9, "the user said they live there");
        StoredFact stored = new StoredFact(
                UUID.fromString("9d4c6b0a-1f3e-4e8b-8a57-2c1d0e9f8a7b"),
                "lives_in",
                0.8,
                Map.of("confirmation_count", 1, "latest_message_timestamp", "2025-10-17T10:00:00"),
                true);
        return List.of(
                FactMetadata.patch(source, fact, Optional.empty(), source.extractedAt()),
                FactMetadata.patch(source, fact, Optional.of(stored), source.extractedAt()));
    }
}
