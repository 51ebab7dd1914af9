package dev.enrichment.search;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.ConversationSourceException;
import dev.enrichment.conversation.ScoredMessage;
import dev.enrichment.summary.IndexedSummary;
import dev.enrichment.summary.SearchableSummaries;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Where exactly did we say that": the bot's own message vectors searched for the user's messages nearest to the
 * query. The bots embed each message with the same model as the local default, so the query's vector is comparable
 * with theirs; with another model the dimensions differ and Qdrant refuses, which the notice then says.
 */
@ApplicationScoped
class MessageSearch {

    private final ConversationSource source;
    private final SearchableSummaries summaries;

    MessageSearch(ConversationSource source, SearchableSummaries summaries) {
        this.source = source;
        this.summaries = summaries;
    }

    /**
     * The best {@code limit} messages of the user across the bot's collections, each with the day summary that holds
     * it. A collection that cannot be searched leaves a notice and the others still answer.
     */
    Found find(float[] vector, String bot, String user, Instant from, Instant to, int limit) {
        List<BotCollection> collections;
        try {
            collections = source.botCollections().stream()
                    .filter(collection -> collection.botName().equals(bot))
                    .toList();
        } catch (ConversationSourceException e) {
            return new Found(List.of(), "the bot's messages could not be searched: " + e.getMessage());
        }
        if (collections.isEmpty()) {
            return new Found(List.of(), "no Qdrant collection holds messages of bot " + bot);
        }
        List<ScoredMessage> nearest = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (BotCollection collection : collections) {
            try {
                nearest.addAll(source.nearestMessages(collection, vector, user, from, to, limit));
            } catch (ConversationSourceException e) {
                Log.warnf("Message search in %s failed: %s", collection.collectionName(), e.getMessage());
                problems.add(collection.collectionName() + " could not be searched: " + e.getMessage());
            }
        }
        nearest.sort(Comparator.comparingDouble(ScoredMessage::score).reversed());
        List<ScoredMessage> best = nearest.size() > limit ? nearest.subList(0, limit) : nearest;
        Map<Instant, IndexedSummary> covering = summaries.daysCovering(
                bot, user, best.stream().map(m -> m.message().timestamp()).toList());
        List<MessageHit> hits = new ArrayList<>();
        for (ScoredMessage scored : best) {
            IndexedSummary day = covering.get(scored.message().timestamp());
            hits.add(new MessageHit(
                    scored.message().pointId(),
                    scored.message().role().name().toLowerCase(Locale.ROOT),
                    scored.message().content(),
                    scored.message().timestamp(),
                    Math.round(scored.score() * 10_000) / 10_000d,
                    day == null ? null : day.id(),
                    day == null ? null : day.windowStart(),
                    day == null ? null : day.windowEnd()));
        }
        return new Found(List.copyOf(hits), problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** The messages found, and what could not be searched (null when everything could). */
    record Found(List<MessageHit> hits, String notice) {}
}
