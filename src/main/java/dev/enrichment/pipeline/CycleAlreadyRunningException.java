package dev.enrichment.pipeline;

/** A cycle was asked for while another one is running in this process. */
public class CycleAlreadyRunningException extends RuntimeException {

    public CycleAlreadyRunningException() {
        super("an enrichment cycle is already running");
    }
}
