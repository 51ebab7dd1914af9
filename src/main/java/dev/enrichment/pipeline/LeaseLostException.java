package dev.enrichment.pipeline;

/** The window's lease expired and another process took it over; this process's result must not be stored. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(ClaimedWindow claimed) {
        super("lease on window " + claimed.id() + " (" + claimed.botName() + ", " + claimed.start()
                + ") was lost before its result was stored");
    }
}
