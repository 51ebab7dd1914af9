package dev.enrichment.conversation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps collection names to bot names the way the bots themselves name them: strip the collection prefix, then the
 * legacy {@code _7d} suffix, so {@code whisperengine_memory_elena_7d} belongs to {@code elena}.
 */
final class BotNames {

    private static final String LEGACY_SUFFIX = "_7d";

    private final List<String> prefixes;
    private final Set<String> excluded;

    BotNames(List<String> prefixes) {
        this(prefixes, Set.of());
    }

    /**
     * @param excluded collections that are never a bot's whatever their name: this service's own (the search index),
     *     which a broad prefix such as {@code enrichment_} would otherwise claim, so it would enrich its own index
     */
    BotNames(List<String> prefixes, Set<String> excluded) {
        this.excluded = Set.copyOf(excluded);
        // Longest first, so that a prefix which extends another one wins.
        this.prefixes = prefixes.stream()
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .toList();
    }

    /** The bot owning the collection, or empty when the collection is not a bot's. */
    Optional<String> botNameOf(String collectionName) {
        if (excluded.contains(collectionName)) {
            return Optional.empty();
        }
        for (String prefix : prefixes) {
            if (collectionName.startsWith(prefix)) {
                String rest = collectionName.substring(prefix.length());
                if (rest.endsWith(LEGACY_SUFFIX)) {
                    rest = rest.substring(0, rest.length() - LEGACY_SUFFIX.length());
                }
                return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
            }
        }
        return Optional.empty();
    }
}
