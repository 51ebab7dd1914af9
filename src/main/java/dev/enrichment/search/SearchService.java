package dev.enrichment.search;

import dev.enrichment.preference.PreferenceReader;
import dev.enrichment.problem.ProblemException;
import dev.enrichment.recap.RecapConfig;
import dev.enrichment.recap.TimeExpressionParser;
import dev.enrichment.recap.TimeReading;
import dev.enrichment.summary.IndexedSummary;
import dev.enrichment.summary.SearchableSummaries;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Semantic search over one user's summaries (read-only; never calls the chat LLM). Candidates come from the index
 * (the nearest vectors within the range) and from the database (summaries whose text or topics contain a word of
 * the query); each is scored {@code 0.8 × cosine similarity + 0.2 × keyword score}, where the keyword score is the
 * share of the query's words found in the summary's topics (full weight) or only in its text (half weight). The
 * similarity dominates, so a paraphrase still finds its day; the words break ties and lift exact matches.
 */
@ApplicationScoped
public class SearchService {

    static final double SIMILARITY_WEIGHT = 0.8;
    static final double KEYWORD_WEIGHT = 0.2;
    /** Nearest neighbours fetched per requested hit, so the keyword score can still reorder them. */
    private static final int CANDIDATES_PER_HIT = 3;

    private static final int MIN_CANDIDATES = 30;
    private static final int KEYWORD_CANDIDATES = 20;
    private static final Set<String> STOPWORDS = Set.of(
            "the",
            "and",
            "for",
            "with",
            "about",
            "what",
            "when",
            "where",
            "who",
            "how",
            "did",
            "does",
            "was",
            "were",
            "are",
            "our",
            "your",
            "you",
            "that",
            "this",
            "those",
            "these",
            "from",
            "into",
            "talk",
            "talked",
            "talking",
            "discuss",
            "discussed",
            "tell",
            "said",
            "say",
            "any",
            "some",
            "all",
            "have",
            "had",
            "has",
            "there",
            "their",
            "them",
            "they",
            "then",
            "than",
            "out",
            "get",
            "got",
            "can",
            "could",
            "would",
            "should",
            "been",
            "being",
            "its",
            "his",
            "her",
            "she",
            "him",
            "not",
            "but",
            "too",
            "very",
            "just",
            "also",
            "time",
            "last",
            "week",
            "month",
            "day",
            "yesterday",
            "today");

    private final Embeddings embeddings;
    private final SearchIndex index;
    private final SearchableSummaries summaries;
    private final TimeExpressionParser parser;
    private final Clock clock;

    private final PreferenceReader preferences;
    private final MessageSearch messageSearch;

    SearchService(
            Embeddings embeddings,
            SearchIndex index,
            SearchableSummaries summaries,
            RecapConfig recapConfig,
            PreferenceReader preferences,
            MessageSearch messageSearch,
            Clock clock) {
        this.preferences = preferences;
        this.messageSearch = messageSearch;
        this.embeddings = embeddings;
        this.index = index;
        this.summaries = summaries;
        this.parser = new TimeExpressionParser(recapConfig.weekStartsOn(), recapConfig.dateOrder());
        this.clock = clock;
    }

    /**
     * Searches the user's summaries.
     *
     * @throws ProblemException a 400 for an unreadable query or range; {@link SearchUnavailableException} when
     *     embeddings are off or unavailable or the index cannot be read
     */
    SearchResults search(SearchQuery query) {
        query.refuseNonsense();
        // as the recap does: the user's own zone makes "yesterday" their yesterday
        ZoneId zone = query.tz() != null
                ? query.tz()
                : QuarkusTransaction.requiringNew()
                        .call(() -> preferences.timezone(query.userId()))
                        .orElse(ZoneOffset.UTC);
        Instant asOf = query.asOf() == null ? clock.instant() : query.asOf().instant();
        Instant from = null;
        Instant to = null;
        String expression = null;
        if (query.when() != null) {
            TimeReading reading = parser.read(query.when(), zone, asOf);
            if (reading instanceof TimeReading.Range range) {
                from = range.range().from();
                to = range.range().to();
                expression = range.range().expression();
            } else if (reading instanceof TimeReading.TooLong tooLong) {
                throw ProblemException.invalid("when", tooLong.reason());
            } else if (reading instanceof TimeReading.Unreadable unreadable) {
                throw ProblemException.invalid("when", unreadable.reason());
            } else {
                throw ProblemException.invalid("when", "names no time range (e.g. \"last month\")");
            }
        } else if (query.from() != null) {
            from = query.from().startIn(zone);
            to = query.to().endIn(zone);
            if (!from.isBefore(to)) {
                throw ProblemException.invalid("from", "must be before to");
            }
        }
        EmbeddingsState state = embeddings.state();
        if (!state.ready()) {
            throw new SearchUnavailableException(state.reason().orElse("semantic search is not available"), null);
        }
        int limit = query.limitOrDefault();
        List<String> words = words(query.q());
        Map<String, Candidate> candidates = new HashMap<>();
        float[] vector;
        try {
            vector = embeddings.embed(List.of(query.q())).get(0);
            List<ScoredPoint> nearest = index.nearest(
                    vector,
                    query.bot(),
                    query.userId(),
                    from,
                    to,
                    Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_HIT));
            for (ScoredPoint point : nearest) {
                Map<String, Value> payload = point.getPayloadMap();
                Value granularity = payload.get(SearchIndex.GRANULARITY);
                SearchIndex.integer(payload, SearchIndex.SUMMARY_ID)
                        .filter(id -> granularity != null)
                        .ifPresent(id -> candidates.put(
                                key(granularity.getStringValue(), id.intValue()), new Candidate(point.getScore())));
            }
        } catch (EmbeddingException | SearchIndexException e) {
            throw new SearchUnavailableException("semantic search cannot answer right now: " + e.getMessage(), e);
        }
        // The texts come from the database, so a hit shows the summary as it is now, not as it was indexed.
        List<Integer> dayIds = new ArrayList<>();
        List<Integer> rollupIds = new ArrayList<>();
        candidates.keySet().forEach(key -> {
            String[] parts = key.split(":");
            (parts[0].equals("day") ? dayIds : rollupIds).add(Integer.parseInt(parts[1]));
        });
        List<IndexedSummary> found = new ArrayList<>(summaries.byIds(dayIds, rollupIds));
        Set<String> seen = new LinkedHashSet<>();
        found.forEach(summary -> seen.add(key(summary.granularity().wireName(), summary.id())));
        for (IndexedSummary summary :
                summaries.containingAny(query.bot(), query.userId(), from, to, words, KEYWORD_CANDIDATES)) {
            if (seen.add(key(summary.granularity().wireName(), summary.id()))) {
                found.add(summary);
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        for (IndexedSummary summary : found) {
            Candidate candidate = candidates.get(key(summary.granularity().wireName(), summary.id()));
            double similarity = candidate == null ? 0 : Math.max(0, Math.min(1, candidate.similarity()));
            hits.add(hit(summary, similarity, words));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score)
                .reversed()
                .thenComparing(SearchHit::windowStart, Comparator.reverseOrder()));
        MessageSearch.Found messages = query.messagesWanted()
                ? messageSearch.find(vector, query.bot(), query.userId(), from, to, query.messageLimitOrDefault())
                : null;
        return new SearchResults(
                query.bot(),
                query.userId(),
                query.q(),
                from,
                to,
                expression,
                state.model().orElse(null),
                hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits),
                messages == null ? null : messages.hits(),
                messages == null ? null : messages.notice());
    }

    private static SearchHit hit(IndexedSummary summary, double similarity, List<String> words) {
        List<String> matchingTopics = new ArrayList<>();
        for (String topic : summary.topics()) {
            String lower = topic.toLowerCase(Locale.ROOT);
            if (words.stream().anyMatch(lower::contains)) {
                matchingTopics.add(topic);
            }
        }
        double keyword = 0;
        if (!words.isEmpty()) {
            String topics = String.join(" ", summary.topics()).toLowerCase(Locale.ROOT);
            String text = summary.summaryText().toLowerCase(Locale.ROOT);
            double found = 0;
            for (String word : words) {
                found += topics.contains(word) ? 1 : text.contains(word) ? 0.5 : 0;
            }
            keyword = found / words.size();
        }
        double score = SIMILARITY_WEIGHT * similarity + KEYWORD_WEIGHT * keyword;
        return new SearchHit(
                summary.granularity().wireName(),
                summary.id(),
                summary.windowStart(),
                summary.windowEnd(),
                round(score),
                round(similarity),
                round(keyword),
                matchingTopics,
                summary.topics(),
                summary.summaryText());
    }

    /** The query's content words: lower case, at least three letters, no stopwords, each once. */
    static List<String> words(String q) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOPWORDS.contains(word)) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000d;
    }

    private static String key(String granularity, int id) {
        return granularity + ":" + id;
    }

    private record Candidate(double similarity) {}
}
