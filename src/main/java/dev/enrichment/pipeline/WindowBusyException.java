package dev.enrichment.pipeline;

/** The window is being analysed by a worker right now. */
public class WindowBusyException extends RuntimeException {

    public WindowBusyException(String message) {
        super(message);
    }
}
