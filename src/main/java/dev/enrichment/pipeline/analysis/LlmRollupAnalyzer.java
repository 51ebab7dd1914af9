package dev.enrichment.pipeline.analysis;

import dev.enrichment.llm.ChatCompletion;
import dev.enrichment.llm.ChatMessage;
import dev.enrichment.llm.ChatRequest;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.llm.LlmException;
import dev.enrichment.llm.ResponseFormat;
import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.RollupAnalysis;
import dev.enrichment.pipeline.RollupAnalyzer;
import dev.enrichment.pipeline.RollupInput;
import dev.enrichment.summary.SummaryView;
import io.quarkus.logging.Log;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes a week's or month's rollup with one structured chat call over its day summaries. An answer that fails
 * validation fails the build (retried on a later cycle) rather than costing a second call now; only a provider that
 * refuses {@code json_schema} gets the same prompt again as {@code json_object}, once per process.
 */
public final class LlmRollupAnalyzer implements RollupAnalyzer {

    public static final String PROMPT_VERSION = "rollup-v1";

    private static final ResponseFormat SCHEMA_FORMAT =
            ResponseFormat.jsonSchema(AnalysisSchema.ROLLUP_NAME, AnalysisSchema.ROLLUP_SCHEMA, true);

    private final LlmClient llm;
    private final int budgetChars;
    private final AtomicBoolean jsonObjectOnly = new AtomicBoolean();

    /**
     * @param maxInputTokens {@code LLM_MAX_INPUT_TOKENS}: the prompt budget, at 4 characters a token
     */
    public LlmRollupAnalyzer(LlmClient llm, int maxInputTokens) {
        this.llm = llm;
        this.budgetChars = RollupPrompts.budgetChars(maxInputTokens);
    }

    @Override
    public RollupAnalysis analyze(RollupInput input) {
        if (input.days().isEmpty()) {
            throw new AnalysisFailedException("The period has no day summaries to roll up", false, null);
        }
        CallTally tally = new CallTally(llm.defaultModel());
        ChatCompletion completion = send(RollupPrompts.user(input, budgetChars), tally);
        Answer answer;
        try {
            answer = AnswerValidator.validateRollup(completion.content());
        } catch (InvalidAnswerException invalid) {
            throw new AnalysisFailedException(
                    "The LLM rollup answer failed validation: " + invalid.getMessage(), false, invalid);
        }
        // A recap of summaries cannot be surer than the summaries it reads are on average.
        OptionalDouble mean = meanConfidence(input);
        double confidence = mean.isPresent() ? Math.min(mean.getAsDouble(), answer.confidence()) : answer.confidence();
        return new RollupAnalysis(
                answer.summary(),
                answer.keyTopics(),
                answer.emotionalTone(),
                confidence,
                LlmWindowAnalyzer.SUMMARY_TYPE,
                tally.model(),
                PROMPT_VERSION,
                tally.calls());
    }

    @Override
    public String description() {
        return "LLM (" + llm.defaultModel() + "), one call per rollup";
    }

    static OptionalDouble meanConfidence(RollupInput input) {
        return input.days().stream()
                .map(SummaryView::confidence)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average();
    }

    private ChatCompletion send(String userPrompt, CallTally tally) {
        if (jsonObjectOnly.get()) {
            return sendAsJsonObject(userPrompt, tally);
        }
        try {
            tally.called();
            return tally.answered(llm.complete(request(RollupPrompts.system(false), userPrompt, SCHEMA_FORMAT)));
        } catch (LlmException e) {
            if (e.kind() != LlmException.Kind.CLIENT_ERROR || e.httpStatus().orElse(0) != 400) {
                throw unavailable(e);
            }
            ChatCompletion completion = sendAsJsonObject(userPrompt, tally);
            if (jsonObjectOnly.compareAndSet(false, true)) {
                Log.infof("The LLM provider rejected response_format json_schema for rollups (HTTP 400); using "
                        + "json_object with the schema in the prompt from now on");
            }
            return completion;
        }
    }

    private ChatCompletion sendAsJsonObject(String userPrompt, CallTally tally) {
        try {
            tally.called();
            return tally.answered(
                    llm.complete(request(RollupPrompts.system(true), userPrompt, ResponseFormat.jsonObject())));
        } catch (LlmException e) {
            throw unavailable(e);
        }
    }

    private static ChatRequest request(String system, String user, ResponseFormat format) {
        return ChatRequest.of(ChatMessage.system(system), ChatMessage.user(user))
                .withTemperature(AnalysisCaller.TEMPERATURE)
                .withMaxTokens(AnalysisCaller.MAX_TOKENS)
                .withResponseFormat(format);
    }

    private static AnalysisFailedException unavailable(LlmException e) {
        return new AnalysisFailedException("The LLM rollup call failed: " + e.getMessage(), true, e);
    }
}
