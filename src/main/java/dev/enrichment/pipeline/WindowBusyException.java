package dev.enrichment.pipeline;

import dev.enrichment.problem.ProblemException;

/** The window is being analysed by a worker right now. */
public class WindowBusyException extends ProblemException {

    public WindowBusyException(String message) {
        super(Kind.CONFLICT, message);
    }
}
