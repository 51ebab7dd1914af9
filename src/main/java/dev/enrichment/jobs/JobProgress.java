package dev.enrichment.jobs;

import java.util.Map;

/** How far a job got: items done of the total, the per-bot table and the counters, records of the job's kind. */
record JobProgress(long done, Long total, Map<String, ? extends Record> perBot, Record counters) {}
