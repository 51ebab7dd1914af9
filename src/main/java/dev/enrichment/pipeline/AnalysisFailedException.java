package dev.enrichment.pipeline;

/** No valid analysis of a window could be obtained (LLM failure, or an answer that twice failed validation). */
public class AnalysisFailedException extends RuntimeException {

    private final boolean llmUnavailable;

    public AnalysisFailedException(String message, boolean llmUnavailable, Throwable cause) {
        super(message, cause);
        this.llmUnavailable = llmUnavailable;
    }

    /** True when the LLM could not be reached or refused (as opposed to answering badly). */
    public boolean llmUnavailable() {
        return llmUnavailable;
    }
}
