package dev.enrichment.pipeline;

import dev.enrichment.problem.ProblemException;

/** A cycle was asked for while another one is running in this process. */
public class CycleAlreadyRunningException extends ProblemException {

    public CycleAlreadyRunningException() {
        super(Kind.CONFLICT, "an enrichment cycle is already running");
    }
}
