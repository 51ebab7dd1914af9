package dev.enrichment.context;

import dev.enrichment.preference.PreferenceView;
import dev.enrichment.summary.SummaryView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What a context block is written from, read in one transaction.
 *
 * @param facts ranked, most relevant first, at most {@code CONTEXT_MAX_FACTS}
 * @param latest the newest summary with the bot; null when there is none
 * @param similar most similar first, the latest summary left out
 * @param zone the user's timezone preference, else UTC: for the days named in the block
 */
record ContextInputs(
        Map<String, PreferenceView> preferences,
        List<ContextFact> facts,
        SummaryView latest,
        List<SimilarSummary> similar,
        ZoneId zone,
        Instant now) {}
