package dev.enrichment.pipeline;

import dev.enrichment.problem.ProblemException;

/** No valid analysis of a window could be obtained (LLM failure, or an answer that twice failed validation). */
public class AnalysisFailedException extends ProblemException {

    private final boolean llmUnavailable;

    public AnalysisFailedException(String message, boolean llmUnavailable, Throwable cause) {
        // The message may quote the model's answer; the caller gets a fixed sentence.
        super(
                Kind.LLM_UNAVAILABLE,
                llmUnavailable
                        ? "the LLM is unavailable; try again later"
                        : "the LLM gave no usable analysis; try again later",
                message,
                cause);
        this.llmUnavailable = llmUnavailable;
    }

    /** True when the LLM could not be reached or refused (as opposed to answering badly). */
    public boolean llmUnavailable() {
        return llmUnavailable;
    }

    @Override
    public String logText() {
        return "analysis failed (llm unavailable: " + llmUnavailable + ")";
    }
}
