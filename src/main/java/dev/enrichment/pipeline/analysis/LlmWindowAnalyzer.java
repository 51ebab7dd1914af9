package dev.enrichment.pipeline.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enrichment.conversation.Message;
import dev.enrichment.llm.ChatCompletion;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.AnalysisInput;
import dev.enrichment.pipeline.WindowAnalysis;
import dev.enrichment.pipeline.WindowAnalyzer;
import dev.enrichment.pipeline.analysis.AnalysisPrompts.WindowContext;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Analyses a window with one structured chat call: summary, topics, tone, confidence, facts and preferences. A
 * transcript over the input budget is analysed in chunks and merged by a further call, without dropping a message.
 * Several windows of one user are analysed together in one call up to the same budget, each validated on its own.
 */
public final class LlmWindowAnalyzer implements WindowAnalyzer {

    public static final String PROMPT_VERSION = "window-analysis-v1";
    public static final String SUMMARY_TYPE = "time_window";

    /** No chunk is made smaller than this, however low {@code LLM_MAX_INPUT_TOKENS} is: two full messages fit. */
    static final int MIN_BUDGET_CHARS = 2 * (TranscriptFormatter.MAX_MESSAGE_CHARS + 100);

    private final LlmClient llm;
    private final AnalysisCaller caller;
    private final int budgetChars;
    private final int batchBudgetChars;

    /**
     * @param maxInputTokens {@code LLM_MAX_INPUT_TOKENS}: the prompt budget, at 4 characters a token
     */
    public LlmWindowAnalyzer(LlmClient llm, int maxInputTokens) {
        this.llm = llm;
        // One per analyser, and the producer makes one per process: a provider's refusal of json_schema is learnt once.
        this.caller = new AnalysisCaller(llm, new AtomicBoolean());
        this.budgetChars = budgetChars(maxInputTokens);
        this.batchBudgetChars = batchBudgetChars(maxInputTokens);
    }

    /** Characters of transcripts and their headings one batch may carry besides its fixed text. */
    static int batchBudgetChars(int maxInputTokens) {
        long budget = (long) maxInputTokens * TranscriptChunker.CHARS_PER_TOKEN - AnalysisPrompts.batchFixedChars();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(budget, 0));
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
        WindowContext window = context(formatter, input);
        CallTally tally = new CallTally(llm.defaultModel());
        List<List<String>> chunks = TranscriptChunker.split(formatter.lines(messages), budgetChars);
        Answer answer = chunks.size() == 1
                ? caller.ask(AnalysisPrompts.window(window, TranscriptFormatter.join(chunks.get(0))), tally)
                : analyseInChunks(window, chunks, tally);
        return analysis(input, answer, tally.model(), tally.calls(), tally.promptTokens(), tally.completionTokens());
    }

    @Override
    public List<BatchResult> analyzeAll(List<AnalysisInput> inputs) {
        List<Long> sizes = new ArrayList<>();
        for (AnalysisInput input : inputs) {
            TranscriptFormatter formatter = new TranscriptFormatter(input.botName());
            sizes.add(TranscriptChunker.joinedLength(formatter.lines(input.messages())));
        }
        List<BatchResult> results = new ArrayList<>(inputs.size());
        int from = 0;
        for (int size : batchSizes(sizes, inputs.size())) {
            List<AnalysisInput> group = inputs.subList(from, from + size);
            results.addAll(size == 1 ? List.of(alone(group.get(0))) : batch(group, sizes.subList(from, from + size)));
            from += size;
        }
        return results;
    }

    @Override
    public int transcriptChars(String botName, Message message) {
        return new TranscriptFormatter(botName).line(message).length() + TranscriptFormatter.SEPARATOR.length();
    }

    @Override
    public PromptEstimate estimate(String botName, List<WindowSize> windows, int maxBatchWindows) {
        String bot = TranscriptFormatter.displayName(botName);
        List<Long> sizes = windows.stream().map(WindowSize::transcriptChars).toList();
        PromptEstimate total = PromptEstimate.NONE;
        int from = 0;
        for (int size : batchSizes(sizes, Math.max(1, maxBatchWindows))) {
            List<WindowSize> group = windows.subList(from, from + size);
            total = total.plus(size == 1 ? estimateAlone(bot, group.get(0)) : estimateBatch(bot, group));
            from += size;
        }
        return total;
    }

    /**
     * Consecutive groups of at most {@code maxWindows} windows whose transcripts and headings fit one batch prompt;
     * a window that does not fit a batch on its own is a group of one (analysed alone, in chunks if need be).
     */
    List<Integer> batchSizes(List<Long> transcriptChars, int maxWindows) {
        List<Integer> sizes = new ArrayList<>();
        int size = 0;
        long chars = 0;
        for (long transcript : transcriptChars) {
            long part = transcript + AnalysisPrompts.BATCH_HEADING_RESERVE_CHARS;
            if (size > 0 && (size >= maxWindows || chars + part > batchBudgetChars)) {
                sizes.add(size);
                size = 0;
                chars = 0;
            }
            size++;
            chars += part;
        }
        if (size > 0) {
            sizes.add(size);
        }
        return sizes;
    }

    private BatchResult alone(AnalysisInput input) {
        try {
            return BatchResult.of(analyze(input));
        } catch (RuntimeException e) {
            return BatchResult.failed(e);
        }
    }

    /**
     * One call for the group. A part that is missing or does not validate is analysed again alone; an unreachable
     * LLM fails every window of the group at once, since asking again window by window would only repeat it.
     */
    private List<BatchResult> batch(List<AnalysisInput> group, List<Long> transcriptChars) {
        String bot = new TranscriptFormatter(group.get(0).botName()).botDisplayName();
        StringBuilder prompt = new StringBuilder(AnalysisPrompts.batchIntro(bot, group.size()));
        for (int i = 0; i < group.size(); i++) {
            AnalysisInput input = group.get(i);
            TranscriptFormatter formatter = new TranscriptFormatter(input.botName());
            prompt.append(AnalysisPrompts.batchWindow(
                    windowId(i),
                    context(formatter, input),
                    TranscriptFormatter.join(formatter.lines(input.messages()))));
        }
        CallTally tally = new CallTally(llm.defaultModel());
        ChatCompletion completion;
        try {
            completion = caller.askBatch(prompt.toString(), group.size(), tally);
        } catch (AnalysisFailedException e) {
            return group.stream().map(input -> BatchResult.failed(e)).toList();
        }
        Map<String, JsonNode> parts = AnswerValidator.batchParts(completion.content());
        long allChars =
                Math.max(1, transcriptChars.stream().mapToLong(Long::longValue).sum());
        List<BatchResult> results = new ArrayList<>(group.size());
        long promptLeft = tally.promptTokens();
        long completionLeft = tally.completionTokens();
        for (int i = 0; i < group.size(); i++) {
            AnalysisInput input = group.get(i);
            // The call's tokens are shared out by transcript length; the last window takes what rounding left.
            boolean last = i == group.size() - 1;
            long promptShare = last ? promptLeft : tally.promptTokens() * transcriptChars.get(i) / allChars;
            long completionShare = last ? completionLeft : tally.completionTokens() * transcriptChars.get(i) / allChars;
            promptLeft -= promptShare;
            completionLeft -= completionShare;
            JsonNode part = parts.get(windowId(i));
            String problem;
            if (part == null) {
                problem = "no part for it in the batch answer";
            } else {
                try {
                    Answer answer = AnswerValidator.validate(part.toString());
                    results.add(BatchResult.of(
                            analysis(input, answer, tally.model(), i == 0 ? 1 : 0, promptShare, completionShare)));
                    continue;
                } catch (InvalidAnswerException invalid) {
                    problem = invalid.getMessage();
                }
            }
            Log.debugf(
                    "Batch part %s (%s, %s) unusable (%s); analysing the window alone",
                    windowId(i), input.botName(), input.windowStart(), problem);
            results.add(alone(input));
        }
        return results;
    }

    /** A window's id within its batch prompt: short, and the same for the same position. */
    static String windowId(int index) {
        return "w" + (index + 1);
    }

    private PromptEstimate estimateAlone(String bot, WindowSize window) {
        WindowContext context = new WindowContext(bot, window.messages(), window.start(), window.end());
        long fixed = AnalysisPrompts.system(false).length() + AnalysisSchema.SCHEMA_JSON.length();
        if (window.transcriptChars() <= budgetChars) {
            return tokens(1, fixed + AnalysisPrompts.window(context, "").length() + window.transcriptChars());
        }
        // Chunks of the budget, then the merge of their part analyses (about one answer's worth of JSON each).
        long chunks = (window.transcriptChars() + budgetChars - 1) / budgetChars;
        long chunkChars = chunks
                        * (fixed
                                + AnalysisPrompts.chunk(context, 1, (int) chunks, 0, "")
                                        .length())
                + window.transcriptChars();
        long mergeChars = fixed
                + AnalysisPrompts.merge(context, (int) chunks, "").length()
                + chunks * AnalysisCaller.MAX_TOKENS * TranscriptChunker.CHARS_PER_TOKEN / 2;
        return tokens(chunks + 1, chunkChars + mergeChars);
    }

    private static PromptEstimate estimateBatch(String bot, List<WindowSize> group) {
        long chars = AnalysisPrompts.batchSystem(false).length()
                + AnalysisSchema.BATCH_SCHEMA_JSON.length()
                + AnalysisPrompts.batchIntro(bot, group.size()).length();
        for (int i = 0; i < group.size(); i++) {
            WindowSize window = group.get(i);
            WindowContext context = new WindowContext(bot, window.messages(), window.start(), window.end());
            chars += AnalysisPrompts.batchWindow(windowId(i), context, "").length() + window.transcriptChars();
        }
        return tokens(1, chars);
    }

    private static PromptEstimate tokens(long calls, long chars) {
        return new PromptEstimate(
                calls, (chars + TranscriptChunker.CHARS_PER_TOKEN - 1) / TranscriptChunker.CHARS_PER_TOKEN);
    }

    private static WindowContext context(TranscriptFormatter formatter, AnalysisInput input) {
        return new WindowContext(
                formatter.botDisplayName(), input.messages().size(), input.windowStart(), input.windowEnd());
    }

    private WindowAnalysis analysis(
            AnalysisInput input, Answer answer, String model, int calls, long promptTokens, long completionTokens) {
        List<Message> messages = input.messages();
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
                model,
                PROMPT_VERSION,
                InputHash.of(PROMPT_VERSION, llm.defaultModel(), messages),
                calls,
                promptTokens,
                completionTokens);
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
