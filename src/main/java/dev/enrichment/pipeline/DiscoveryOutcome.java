package dev.enrichment.pipeline;

/**
 * What one collection's discovery found.
 *
 * @param messagesRead messages read, the re-read overlap band included
 * @param newMessages messages not accounted for before; each marked its window
 * @param windowsMarked distinct windows marked dirty
 * @param qdrantPages scroll requests made
 */
public record DiscoveryOutcome(
        String collectionName, long messagesRead, long newMessages, int windowsMarked, int qdrantPages) {}
