package dev.enrichment.recap;

import dev.enrichment.fact.LearnedFact;
import dev.enrichment.summary.SummaryView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What an answer paragraph is written from: the range's summaries and facts, and how settled the range is. */
record RecapInputs(
        String bot,
        String userId,
        Instant from,
        Instant to,
        List<SummaryView> summaries,
        List<LearnedFact> facts,
        List<String> topics,
        String tone,
        RecapStatus status,
        ZoneId zone,
        Instant asOf) {}
