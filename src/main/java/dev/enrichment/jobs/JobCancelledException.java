package dev.enrichment.jobs;

/** Thrown inside a job when an admin asked to cancel it; the job ends as cancelled. */
class JobCancelledException extends RuntimeException {

    JobCancelledException() {
        super("cancelled on request", null, false, false);
    }
}
