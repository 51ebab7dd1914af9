package dev.enrichment.pipeline;

/**
 * What a {@link CycleStep} did in one cycle.
 *
 * @param step the step's name in the cycle's log line
 * @param done items completed
 * @param failed items that failed and wait for a retry
 */
public record CycleStepOutcome(String step, int done, int failed) {

    public boolean idle() {
        return done == 0 && failed == 0;
    }
}
