package dev.enrichment.pipeline;

/** How the processing of one claimed window ended. */
public enum WindowOutcome {
    /** Analysed and stored. */
    ANALYSED,
    /** Fewer than MIN_MESSAGES_FOR_SUMMARY messages: closed without a summary. */
    SKIPPED,
    /** Nothing stored; the window will be retried (or is now failed after too many attempts). */
    FAILED,
    /**
     * Given back untouched because the LLM provider refuses or fails every call (analysis is paused), or Qdrant is
     * unavailable (the cycle's analysis stops; the next cycle tries again).
     */
    RELEASED
}
