package dev.enrichment.search;

import java.time.Instant;
import java.util.List;

/**
 * One summary found by a search.
 *
 * @param granularity {@code day} for a window's summary, {@code week} or {@code month} for a rollup
 * @param summaryId the id in the summaries API ({@code /summaries/{id}} for days; rollups are listed with
 *     {@code granularity})
 * @param score the hybrid score, 0 to 1: {@code 0.8 × similarity + 0.2 × keyword_score}
 * @param similarity cosine similarity of the query and the summary (0 when found by its words alone)
 * @param keywordScore share of the query's words found in the topics (full weight) or the text (half weight)
 * @param matchingTopics the summary's topics that contain one of the query's words
 */
public record SearchHit(
        String granularity,
        int summaryId,
        Instant windowStart,
        Instant windowEnd,
        double score,
        double similarity,
        double keywordScore,
        List<String> matchingTopics,
        List<String> topics,
        String summary) {}
