package dev.enrichment.context;

import dev.enrichment.fact.FactView;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Orders facts by how much they are worth in a prompt now: confidence times recency, where recency halves every
 * half-life since the fact was last seen (its newest source message, else its last update). A fact of a kind that
 * goes stale (where the user lives, their job, their plans) and that was last seen longer ago than the stale age is
 * flagged as possibly outdated: kept, since it may still be true, but marked so the bot can ask.
 */
final class FactRanking {

    /** What a fact without a confidence counts as: WhisperEngine's inline facts sometimes have none. */
    private static final double UNKNOWN_CONFIDENCE = 0.5;

    private final Duration halfLife;
    private final Duration staleAfter;
    private final Set<String> staleKinds;

    FactRanking(Duration halfLife, Duration staleAfter, Set<String> staleKinds) {
        this.halfLife = halfLife;
        this.staleAfter = staleAfter;
        this.staleKinds = staleKinds.stream()
                .map(kind -> kind.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The facts with their relevance at {@code now}, most relevant first (then most confident, then by id). */
    List<ContextFact> rank(List<FactView> facts, Instant now) {
        return facts.stream()
                .map(fact -> rate(fact, now))
                .sorted(Comparator.comparingDouble(ContextFact::relevance)
                        .reversed()
                        .thenComparing(ContextFact::confidence, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(fact -> fact.id().toString()))
                .toList();
    }

    ContextFact rate(FactView fact, Instant now) {
        Instant lastSeen = lastSeen(fact);
        Duration age = lastSeen == null || lastSeen.isAfter(now) ? Duration.ZERO : Duration.between(lastSeen, now);
        double confidence = fact.confidence() == null ? UNKNOWN_CONFIDENCE : fact.confidence();
        double recency = Math.pow(0.5, (double) age.toSeconds() / halfLife.toSeconds());
        boolean outdated = isStaleKind(fact) && (lastSeen == null || age.compareTo(staleAfter) > 0);
        return new ContextFact(
                fact.id(),
                fact.entity(),
                fact.entityType(),
                fact.relationship(),
                fact.confidence(),
                fact.bot(),
                lastSeen,
                Math.round(confidence * recency * 10_000) / 10_000.0,
                outdated);
    }

    private boolean isStaleKind(FactView fact) {
        return staleKinds.contains(lower(fact.entityType())) || staleKinds.contains(lower(fact.relationship()));
    }

    private static Instant lastSeen(FactView fact) {
        if (fact.latestMessageTimestamp() != null) {
            return fact.latestMessageTimestamp();
        }
        return fact.updatedAt() != null ? fact.updatedAt() : fact.createdAt();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
