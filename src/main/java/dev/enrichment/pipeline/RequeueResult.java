package dev.enrichment.pipeline;

/**
 * How many failed windows were put back to pending.
 *
 * @param bot the bot filter; null for every bot
 * @param userId the user filter; null for every user
 */
public record RequeueResult(int requeued, String bot, String userId) {}
