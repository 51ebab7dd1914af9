package dev.enrichment.pipeline;

import dev.enrichment.conversation.Message;
import java.util.ArrayList;
import java.util.List;

/** Analyses one window: the LLM analysis, or the local extractive one when no LLM key is configured. */
public interface WindowAnalyzer {

    /**
     * @throws AnalysisFailedException when no valid analysis could be obtained; nothing may be stored then
     */
    WindowAnalysis analyze(AnalysisInput input);

    /**
     * Analyses several windows of one bot and user, each on its own terms: one result per input, in order, each an
     * analysis or the reason there is none. Analysers that cannot share calls between windows analyse them one by one.
     */
    default List<BatchResult> analyzeAll(List<AnalysisInput> inputs) {
        List<BatchResult> results = new ArrayList<>(inputs.size());
        for (AnalysisInput input : inputs) {
            try {
                results.add(BatchResult.of(analyze(input)));
            } catch (RuntimeException e) {
                results.add(BatchResult.failed(e));
            }
        }
        return results;
    }

    /** Characters one message adds to the transcript the analyser sends; 0 when it sends none. */
    default int transcriptChars(String botName, Message message) {
        return 0;
    }

    /**
     * The calls and prompt tokens that analysing these windows of one bot and user would take, batched up to
     * {@code maxBatchWindows} as {@link #analyzeAll} would; nothing for an analyser that calls no LLM.
     */
    default PromptEstimate estimate(String botName, List<WindowSize> windows, int maxBatchWindows) {
        return PromptEstimate.NONE;
    }

    /** A short name for logs and the start-up report, e.g. "LLM (anthropic/claude-sonnet-4.5)". */
    String description();

    /** One window's part of a batch: its analysis, or the failure that leaves it without one. */
    record BatchResult(WindowAnalysis analysis, RuntimeException failure) {

        public static BatchResult of(WindowAnalysis analysis) {
            return new BatchResult(analysis, null);
        }

        public static BatchResult failed(RuntimeException failure) {
            return new BatchResult(null, failure);
        }
    }

    /** What an estimate needs to know of a window: its bounds, its message count and its transcript's length. */
    record WindowSize(java.time.Instant start, java.time.Instant end, int messages, long transcriptChars) {}

    /** Calls and prompt tokens, estimated. */
    record PromptEstimate(long calls, long promptTokens) {

        public static final PromptEstimate NONE = new PromptEstimate(0, 0);

        public PromptEstimate plus(PromptEstimate other) {
            return new PromptEstimate(calls + other.calls, promptTokens + other.promptTokens);
        }
    }
}
