package dev.enrichment.fact;

import dev.enrichment.PythonIsoTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code context_metadata} keys one extraction writes (reference 3.4), as a patch merged into the stored
 * object. WhisperEngine's worker reads {@code bot_name} and {@code latest_message_timestamp} for its watermark, so
 * both keep the old worker's spelling.
 */
final class FactMetadata {

    static final String EXTRACTION_METHOD = "enrichment_service";

    private FactMetadata() {}

    static Map<String, Object> patch(
            FactSource source, CheckedFact fact, Optional<StoredFact> existing, Instant extractedAt) {
        Map<String, Object> patch = new LinkedHashMap<>();
        existing.filter(stored -> !stored.metadataIsObject())
                .ifPresent(stored -> patch.putAll(stored.contextMetadata()));
        if (existing.isEmpty()) {
            // placeholders the bots expect on a new fact; on a re-extraction whatever is there is kept
            patch.put("confirmation_count", 1);
            patch.put("related_facts", List.of());
            patch.put("temporal_context", null);
            patch.put("multi_message_confirmed", false);
        } else {
            patch.put("confirmation_count", confirmations(existing.get().contextMetadata()) + 1);
            patch.put("multi_message_confirmed", true);
        }
        if (fact.reasoning() != null) {
            patch.put("reasoning", fact.reasoning());
        }
        List<String> messageIds =
                source.sourceMessageIds() == null ? List.of() : new ArrayList<>(source.sourceMessageIds());
        patch.put("source_messages", messageIds);
        patch.put("extraction_method", EXTRACTION_METHOD);
        patch.put("extracted_at", PythonIsoTime.utcWithOffset(extractedAt));
        latestMessage(source, existing)
                .ifPresent(latest -> patch.put("latest_message_timestamp", PythonIsoTime.naiveUtc(latest)));
        patch.put("conversation_window_size", Math.max(1, messageIds.size()));
        patch.put("bot_name", source.botName());
        patch.put("window_start", PythonIsoTime.utcWithOffset(source.windowStart()));
        patch.put("window_end", PythonIsoTime.utcWithOffset(source.windowEnd()));
        return patch;
    }

    private static int confirmations(Map<String, Object> metadata) {
        return metadata.get("confirmation_count") instanceof Number count ? Math.max(count.intValue(), 1) : 1;
    }

    // Re-analysing an older window must not move the old worker's watermark backwards.
    private static Optional<Instant> latestMessage(FactSource source, Optional<StoredFact> existing) {
        Optional<Instant> stored = existing.flatMap(
                fact -> PythonIsoTime.parse(fact.contextMetadata().get("latest_message_timestamp")));
        Optional<Instant> current = Optional.ofNullable(source.latestMessageAt());
        if (stored.isPresent() && current.isPresent()) {
            return Optional.of(stored.get().isAfter(current.get()) ? stored.get() : current.get());
        }
        return current.or(() -> stored);
    }
}
