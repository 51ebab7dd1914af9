package dev.enrichment.pipeline.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enrichment.conversation.Message;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.AnalysisInput;
import dev.enrichment.pipeline.WindowAnalysis;
import dev.enrichment.pipeline.WindowAnalyzer;
import dev.enrichment.pipeline.analysis.AnalysisPrompts.WindowContext;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Analyses a window with one structured chat call: summary, topics, tone, confidence, facts and preferences. A
 * transcript over the input budget is analysed in chunks and merged by a further call, without dropping a message.
 */
public final class LlmWindowAnalyzer implements WindowAnalyzer {

    public static final String PROMPT_VERSION = "window-analysis-v1";
    public static final String SUMMARY_TYPE = "time_window";

    /** No chunk is made smaller than this, however low {@code LLM_MAX_INPUT_TOKENS} is: two full messages fit. */
    static final int MIN_BUDGET_CHARS = 2 * (TranscriptFormatter.MAX_MESSAGE_CHARS + 100);

    private final LlmClient llm;
    private final AnalysisCaller caller;
    private final int budgetChars;

    /**
     * @param maxInputTokens {@code LLM_MAX_INPUT_TOKENS}: the prompt budget, at 4 characters a token
     */
    public LlmWindowAnalyzer(LlmClient llm, int maxInputTokens) {
        this.llm = llm;
        // One per analyser, and the producer makes one per process: a provider's refusal of json_schema is learnt once.
        this.caller = new AnalysisCaller(llm, new AtomicBoolean());
        this.budgetChars = budgetChars(maxInputTokens);
    }

    /** Characters of transcript (or part analyses) one prompt may carry besides its fixed text. */
    static int budgetChars(int maxInputTokens) {
        long budget = (long) maxInputTokens * TranscriptChunker.CHARS_PER_TOKEN - AnalysisPrompts.fixedChars();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(budget, MIN_BUDGET_CHARS));
    }

    @Override
    public WindowAnalysis analyze(AnalysisInput input) {
        List<Message> messages = input.messages();
        if (messages.isEmpty()) {
            throw new AnalysisFailedException("The window has no messages to analyse", false, null);
        }
        TranscriptFormatter formatter = new TranscriptFormatter(input.botName());
        WindowContext window =
                new WindowContext(formatter.botDisplayName(), messages.size(), input.windowStart(), input.windowEnd());
        CallTally tally = new CallTally(llm.defaultModel());
        List<List<String>> chunks = TranscriptChunker.split(formatter.lines(messages), budgetChars);
        Answer answer = chunks.size() == 1
                ? caller.ask(AnalysisPrompts.window(window, TranscriptFormatter.join(chunks.get(0))), tally)
                : analyseInChunks(window, chunks, tally);
        String tone = ToneFromLabels.toneOf(messages).orElse(answer.emotionalTone());
        return new WindowAnalysis(
                answer.summary(),
                answer.keyTopics(),
                tone,
                ConfidenceCap.capped(answer.confidence(), messages.size()),
                CompressionRatio.of(answer.summary(), messages),
                answer.facts(),
                answer.preferences(),
                SUMMARY_TYPE,
                tally.model(),
                PROMPT_VERSION,
                InputHash.of(PROMPT_VERSION, llm.defaultModel(), messages),
                tally.calls(),
                tally.promptTokens(),
                tally.completionTokens());
    }

    @Override
    public String description() {
        return "LLM (" + llm.defaultModel() + ")";
    }

    private Answer analyseInChunks(WindowContext window, List<List<String>> chunks, CallTally tally) {
        Log.debugf(
                "Window of %d messages is over the input budget of %d characters: analysing it in %d chunks",
                window.messageCount(), budgetChars, chunks.size());
        List<Answer> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            List<String> chunk = chunks.get(i);
            parts.add(caller.ask(
                    AnalysisPrompts.chunk(window, i + 1, chunks.size(), chunk.size(), TranscriptFormatter.join(chunk)),
                    tally));
        }
        return merge(window, parts, tally);
    }

    /** Merges part analyses into one; when they do not fit one prompt, groups of them first, level by level. */
    private Answer merge(WindowContext window, List<Answer> parts, CallTally tally) {
        List<String> level =
                parts.stream().map(part -> part.toJson().toString()).toList();
        List<Answer> answers = parts;
        while (answers.size() > 1) {
            List<Answer> merged = new ArrayList<>();
            int from = 0;
            for (int size : groupSizes(level, budgetChars)) {
                List<Answer> group = answers.subList(from, from + size);
                merged.add(
                        size == 1
                                ? group.get(0)
                                : caller.ask(AnalysisPrompts.merge(window, size, partsJson(group)), tally));
                from += size;
            }
            answers = merged;
            level = answers.stream().map(part -> part.toJson().toString()).toList();
        }
        return answers.get(0);
    }

    /**
     * Consecutive groups that fit the budget, each of at least two parts (except perhaps the last), so that every
     * level of merging at least halves the number of parts and the merge ends.
     */
    static List<Integer> groupSizes(List<String> partJsons, int budgetChars) {
        List<Integer> sizes = new ArrayList<>();
        int size = 0;
        long chars = 0;
        for (String json : partJsons) {
            if (size >= 2 && chars + json.length() + 2 > budgetChars) {
                sizes.add(size);
                size = 0;
                chars = 0;
            }
            size++;
            chars += json.length() + 2;
        }
        if (size > 0) {
            sizes.add(size);
        }
        return sizes;
    }

    private static String partsJson(List<Answer> group) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < group.size(); i++) {
            ObjectNode part = array.addObject();
            part.put("part", i + 1);
            part.setAll(group.get(i).toJson());
        }
        return array.toString();
    }
}
