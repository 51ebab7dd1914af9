package dev.enrichment.jobs;

import dev.enrichment.web.ApiProblem;
import java.util.List;

/** A job of that kind is already queued or running: answered with 409. */
class JobAlreadyRunningException extends ApiProblem {

    JobAlreadyRunningException(String kind) {
        super(409, "Conflict", "a " + kind + " job is already queued or running; wait for it or cancel it", List.of());
    }
}
