package dev.enrichment.jobs;

import java.util.Map;

/** One kind of admin job: runs it, from the context's checkpoint when resumed. */
interface JobHandler {

    /** The kind stored on the job, e.g. {@code fact-timestamp-backfill}. */
    String kind();

    /** Runs the job to the end or until cancellation is requested; returns the totals to keep as its result. */
    Map<String, Object> run(JobContext context);
}
