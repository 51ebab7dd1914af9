package dev.enrichment.pipeline;

/** What became of one claimed rollup. */
public enum RollupOutcome {
    /** Written (new or rebuilt). */
    BUILT,
    /** Its day summaries were the ones it had been built from: nothing to do, no LLM call. */
    UNCHANGED,
    /** No day summary is left in the period: nothing to build. */
    EMPTY,
    /** The analysis or the write failed; retried on a later cycle. */
    FAILED
}
