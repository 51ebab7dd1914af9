package dev.enrichment.fact;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Writes {@code enrichment_fact_history}: every fact created, confirmed, strengthened or superseded, with its evidence. */
@ApplicationScoped
class FactHistory {

    private final Clock clock;

    FactHistory(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param relationshipId the {@code user_fact_relationships} row, or null for a new fact that was never stored
     *     because an existing fact outranked it
     */
    void record(
            FactSource source,
            CheckedFact fact,
            String relationshipType,
            UUID relationshipId,
            FactChange change,
            Double confidenceBefore,
            Double confidenceAfter) {
        FactHistoryEntry entry = new FactHistoryEntry();
        entry.relationshipId = relationshipId;
        entry.userId = source.userId();
        entry.botName = source.botName();
        entry.entityType = fact.entityType();
        entry.entityName = fact.entityName();
        entry.relationshipType = relationshipType;
        entry.change = change;
        entry.confidenceBefore = confidenceBefore;
        entry.confidenceAfter = confidenceAfter;
        entry.sourceMessageIds = source.sourceMessageIds() == null ? List.of() : List.copyOf(source.sourceMessageIds());
        entry.windowStart = source.windowStart();
        entry.windowEnd = source.windowEnd();
        entry.recordedAt = clock.instant();
        entry.persist();
    }
}
