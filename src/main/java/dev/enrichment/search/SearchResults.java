package dev.enrichment.search;

import java.time.Instant;
import java.util.List;

/**
 * A search's answer: the range searched and the hits, best first.
 *
 * @param from start of the range searched; null when unlimited
 * @param to end (exclusive) of the range searched; null when unlimited
 * @param expression the time expression that was read, when one was given
 * @param model where the query's vector came from
 * @param messages with {@code include_messages=true}: the user's messages nearest to the query, best first; else
 *     null
 * @param messagesNotice why some or all of the bot's messages could not be searched; null when they could
 */
public record SearchResults(
        String bot,
        String userId,
        String query,
        Instant from,
        Instant to,
        String expression,
        String model,
        List<SearchHit> hits,
        List<MessageHit> messages,
        String messagesNotice) {}
