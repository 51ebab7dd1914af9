package dev.enrichment.recap;

import dev.enrichment.fact.LearnedFact;
import dev.enrichment.summary.SummaryView;
import java.time.Instant;
import java.util.List;

/**
 * What a user and a bot talked about in a time range.
 *
 * @param resolvedBy how the range was decided: {@code rule}, {@code explicit}, {@code llm} or {@code latest}
 * @param notice why the range is not what {@code when} seemed to ask for (an unreadable phrase); null otherwise
 * @param answer one paragraph a bot can say, from the range's summaries and facts only
 * @param answerSource {@code llm} (written once per set of sources, then reused) or {@code extractive}
 * @param summaries the windows overlapping the range, oldest first
 * @param keyTopics topics of those summaries with the number of summaries naming each, most frequent first
 * @param emotionalTone the tone of most messages (summaries weighted by message count); {@code mixed} on a tie,
 *     null without summaries
 * @param messageCount messages summarised, over all summaries
 * @param factsLearned facts extracted from those windows, as they are now
 */
public record RecapView(
        String bot,
        String userId,
        Range resolvedRange,
        ResolvedBy resolvedBy,
        String notice,
        RecapStatus status,
        String answer,
        RecapAnswer.Source answerSource,
        Progress coverage,
        List<SummaryView> summaries,
        List<TopicCount> keyTopics,
        String emotionalTone,
        int messageCount,
        List<LearnedFact> factsLearned) {

    /**
     * The range the request was read as: [from, to).
     *
     * @param expression the time expression found in {@code when}; null for an explicit from/to
     */
    public record Range(Instant from, Instant to, String tz, String expression) {}

    /**
     * How far the range has been processed.
     *
     * @param coveredUntil messages written before it have been read by the worker; null when the bot was never read
     * @param pendingWindows windows in the range waiting for analysis, in analysis, or failed
     */
    public record Progress(Instant coveredUntil, int pendingWindows) {}

    /** A topic and the number of summaries that name it. */
    public record TopicCount(String topic, int count) {}
}
