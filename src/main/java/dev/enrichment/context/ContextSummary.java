package dev.enrichment.context;

import java.time.Instant;
import java.util.List;

/**
 * A conversation summary as the context gives it.
 *
 * @param summary the sentences that made it into the block (whole sentences, in order)
 * @param omittedSentences sentences of the stored summary left out to fit the budget
 * @param score for a similar summary, how similar it is to q (0 to 1); null for the latest one
 */
public record ContextSummary(
        int id,
        Instant start,
        Instant end,
        String summary,
        int omittedSentences,
        List<String> keyTopics,
        String emotionalTone,
        Double confidence,
        Double score) {}
