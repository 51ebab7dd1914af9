package dev.enrichment.jobs;

import dev.enrichment.problem.ProblemException;

/** A job of that kind is already queued or running. */
class JobAlreadyRunningException extends ProblemException {

    JobAlreadyRunningException(String kind) {
        super(Kind.CONFLICT, "a " + kind + " job is already queued or running; wait for it or cancel it");
    }
}
