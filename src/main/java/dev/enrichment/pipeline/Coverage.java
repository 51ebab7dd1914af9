package dev.enrichment.pipeline;

import java.time.Instant;

/**
 * How far a (bot, user) range has been processed.
 *
 * @param coveredUntil the bot's oldest discovery cursor: messages written before it have been seen; null when
 *     the bot was never read
 * @param pendingWindows windows in the range still waiting for (or in) analysis, failed ones included
 */
public record Coverage(Instant coveredUntil, int pendingWindows) {}
