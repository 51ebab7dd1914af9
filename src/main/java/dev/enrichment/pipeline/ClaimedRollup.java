package dev.enrichment.pipeline;

import dev.enrichment.summary.RollupPeriod;

/**
 * A rollup mark this process has leased: one week or month of one user with one bot to (re)build.
 *
 * @param claimedMark the mark's count when claimed; a day summary written meanwhile raises it and keeps the mark
 */
public record ClaimedRollup(
        long id, String botName, String userId, RollupPeriod period, long claimedMark, int attempts, String owner) {}
