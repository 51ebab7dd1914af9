package dev.enrichment.pipeline;

/**
 * Work another feature adds to the end of every enrichment cycle, after the windows and rollups (the search index
 * today). The step depends on the pipeline, not the other way round, so a feature that also reads the pipeline's
 * state (as search does through recaps) forms no package cycle.
 *
 * <p>A step must cost no Qdrant request and no LLM call when it has nothing to do: the idle cycle's cost is fixed.
 */
public interface CycleStep {

    /** Runs the step once; a failure is logged by the cycle and never fails it. */
    CycleStepOutcome run();
}
