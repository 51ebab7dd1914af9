package dev.enrichment.context;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact as the context gives it: what it says, how sure and how recent it is, and whether it may be outdated.
 *
 * @param bot the bot that wrote it last, when recorded; facts no bot claims are seen by every bot
 * @param lastSeen the newest message it was drawn from, else its last update
 * @param relevance confidence times recency (halving every {@code CONTEXT_FACT_HALF_LIFE}), 0 to 1
 * @param possiblyOutdated a kind that goes stale ({@code CONTEXT_STALE_KINDS}) last seen over
 *     {@code CONTEXT_STALE_AFTER} ago
 */
public record ContextFact(
        UUID id,
        String entity,
        String entityType,
        String relationship,
        Double confidence,
        String bot,
        Instant lastSeen,
        double relevance,
        boolean possiblyOutdated) {

    /** The fact as one line of the block: "likes pizza", "lives in Berlin (possibly outdated)". */
    String line() {
        String said = Sentences.flatten(relationship.replace('_', ' ') + " " + entity);
        return "- " + said + (possiblyOutdated ? " (possibly outdated)" : "");
    }
}
