package dev.enrichment.jobs;

/** One kind of admin job: a parameters record in, a result record out; resumed from the context's checkpoint. */
interface JobHandler<P extends Record, R extends Record> {

    /** The kind stored on the job, e.g. {@code fact-timestamp-backfill}. */
    String kind();

    /** What the job's stored parameters are read as. */
    Class<P> parametersType();

    /** Runs the job to the end or until cancellation is requested; returns what to keep as its result. */
    R run(JobContext<P> context);
}
