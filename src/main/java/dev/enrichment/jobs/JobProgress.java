package dev.enrichment.jobs;

import java.util.Map;

/** How far a job got: items done of the total, the per-bot table and the counters. */
record JobProgress(long done, Long total, Map<String, Object> perBot, Map<String, Object> counters) {
}
