package dev.enrichment.summary;

import java.time.Instant;
import java.util.List;

/**
 * The content of one window's summary, ready to be written to {@code conversation_summaries}.
 *
 * @param summaryType {@code time_window} for an LLM analysis, {@code extractive} for the local analyser
 * @param messageCount the window's user and assistant messages
 */
public record SummaryDraft(
        String userId,
        String botName,
        Instant windowStart,
        Instant windowEnd,
        String summaryText,
        String summaryType,
        int messageCount,
        List<String> keyTopics,
        String emotionalTone,
        double compressionRatio,
        double confidenceScore,
        String enrichmentVersion) {}
