package dev.enrichment.pipeline.analysis;

import dev.enrichment.llm.ChatCompletion;
import dev.enrichment.llm.ChatMessage;
import dev.enrichment.llm.ChatRequest;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.llm.LlmException;
import dev.enrichment.llm.ResponseFormat;
import dev.enrichment.pipeline.AnalysisFailedException;
import io.quarkus.logging.Log;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets one valid {@link Answer} for a user prompt: sends it with the schema as {@code response_format}, falls back to
 * {@code json_object} with the schema in the prompt when the provider rejects that, and asks once more, naming the
 * problem, when the answer does not validate.
 */
final class AnalysisCaller {

    static final double TEMPERATURE = 0.3;
    static final int MAX_TOKENS = 1_500;

    private static final ResponseFormat SCHEMA_FORMAT =
            ResponseFormat.jsonSchema(AnalysisSchema.NAME, AnalysisSchema.SCHEMA, true);
    private static final ResponseFormat BATCH_FORMAT =
            ResponseFormat.jsonSchema(AnalysisSchema.BATCH_NAME, AnalysisSchema.BATCH_SCHEMA, true);

    private static final Shape WINDOW =
            new Shape(AnalysisPrompts.system(false), AnalysisPrompts.system(true), SCHEMA_FORMAT, MAX_TOKENS);

    private final LlmClient llm;
    private final AtomicBoolean jsonObjectOnly;

    /** {@code jsonObjectOnly} is shared by every call of the process: once set, json_schema is not tried again. */
    AnalysisCaller(LlmClient llm, AtomicBoolean jsonObjectOnly) {
        this.llm = llm;
        this.jsonObjectOnly = jsonObjectOnly;
    }

    /**
     * @throws AnalysisFailedException when the LLM fails ({@code llmUnavailable}) or answers invalidly twice
     */
    Answer ask(String userPrompt, CallTally tally) {
        ChatCompletion first = send(WINDOW, userPrompt, tally);
        try {
            return AnswerValidator.validate(first.content());
        } catch (InvalidAnswerException invalid) {
            String problem = problem(invalid, first);
            Log.debugf("LLM analysis answer rejected (%s); asking once more", problem);
            ChatCompletion second = send(WINDOW, AnalysisPrompts.retry(userPrompt, problem), tally);
            try {
                return AnswerValidator.validate(second.content());
            } catch (InvalidAnswerException again) {
                throw new AnalysisFailedException(
                        "The LLM answer failed validation twice: " + problem(again, second), false, again);
            }
        }
    }

    /**
     * Sends a batch of {@code windows} conversations once and returns the raw answer: its parts are validated one by
     * one by the caller, and a bad part is analysed again alone rather than asking for the whole batch again.
     *
     * @throws AnalysisFailedException when the LLM fails ({@code llmUnavailable})
     */
    ChatCompletion askBatch(String userPrompt, int windows, CallTally tally) {
        Shape batch = new Shape(
                AnalysisPrompts.batchSystem(false),
                AnalysisPrompts.batchSystem(true),
                BATCH_FORMAT,
                MAX_TOKENS * windows);
        return send(batch, userPrompt, tally);
    }

    private ChatCompletion send(Shape shape, String userPrompt, CallTally tally) {
        if (jsonObjectOnly.get()) {
            return sendAsJsonObject(shape, userPrompt, tally);
        }
        try {
            tally.called();
            return tally.answered(llm.complete(request(shape.system(), userPrompt, shape.format(), shape.maxTokens())));
        } catch (LlmException e) {
            if (!rejectsRequest(e)) {
                throw unavailable(e);
            }
            ChatCompletion completion = sendAsJsonObject(shape, userPrompt, tally);
            // Only remembered once json_object worked: a 400 for another reason (say, a prompt too long) fails again
            // above and must not switch the whole process over.
            if (jsonObjectOnly.compareAndSet(false, true)) {
                Log.infof(
                        "The LLM provider rejected response_format json_schema (HTTP 400%s); using json_object "
                                + "with the schema in the prompt from now on",
                        e.providerMessage().map(message -> ": " + message).orElse(""));
            }
            return completion;
        }
    }

    private ChatCompletion sendAsJsonObject(Shape shape, String userPrompt, CallTally tally) {
        try {
            tally.called();
            return tally.answered(llm.complete(
                    request(shape.systemWithSchema(), userPrompt, ResponseFormat.jsonObject(), shape.maxTokens())));
        } catch (LlmException e) {
            throw unavailable(e);
        }
    }

    // The fixed system prompt goes first and is marked for the provider's prompt cache: it is the same for every
    // window, while the transcript after it never is.
    private static ChatRequest request(String system, String user, ResponseFormat format, int maxTokens) {
        return ChatRequest.of(ChatMessage.system(system), ChatMessage.user(user))
                .withTemperature(TEMPERATURE)
                .withMaxTokens(maxTokens)
                .withResponseFormat(format)
                .withCachedSystemPrompt();
    }

    private static boolean rejectsRequest(LlmException e) {
        return e.kind() == LlmException.Kind.CLIENT_ERROR && e.httpStatus().orElse(0) == 400;
    }

    private static AnalysisFailedException unavailable(LlmException e) {
        return new AnalysisFailedException("The LLM analysis call failed: " + e.getMessage(), true, e);
    }

    private static String problem(InvalidAnswerException invalid, ChatCompletion completion) {
        return "length".equals(completion.finishReason())
                ? invalid.getMessage() + " (the answer was cut off at the token limit: keep it shorter)"
                : invalid.getMessage();
    }

    /** What one kind of call sends besides its user prompt. */
    private record Shape(String system, String systemWithSchema, ResponseFormat format, int maxTokens) {}
}
