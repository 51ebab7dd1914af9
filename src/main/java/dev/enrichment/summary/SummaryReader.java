package dev.enrichment.summary;

import dev.enrichment.UtcTimestamps;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

/** Reads conversation summaries and their revisions for the API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SummaryReader {

    private final RollupReader rollups;
    private final EntityManager entityManager;

    SummaryReader(RollupReader rollups, EntityManager entityManager) {
        this.rollups = rollups;
        this.entityManager = entityManager;
    }

    /**
     * The page of summaries matching the query, newest window first (then highest id): day summaries, or for
     * {@code granularity=week|month} the rollups.
     */
    SummaryPage list(SummaryQuery query) {
        if (query.granularity() != Granularity.DAY) {
            return rollups.list(query);
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.bot() != null) {
            where.add("botName = :bot");
            params.and("bot", query.bot());
        }
        if (query.userId() != null) {
            where.add("userId = :user");
            params.and("user", query.userId());
        }
        if (query.endsAfter() != null) {
            where.add("endTimestamp > :from");
            params.and("from", UtcTimestamps.naive(query.endsAfter()));
        }
        if (query.startsBefore() != null) {
            where.add("startTimestamp < :to");
            params.and("to", UtcTimestamps.naive(query.startsBefore()));
        }
        if (query.summaryType() != null) {
            where.add("summaryType = :type");
            params.and("type", query.summaryType());
        }
        if (query.minConfidence() != null) {
            where.add("confidenceScore >= :minConfidence");
            params.and("minConfidence", query.minConfidence().doubleValue());
        }
        if (query.cursor() != null) {
            where.add("(startTimestamp < :afterStart or (startTimestamp = :afterStart and id < :afterId))");
            params.and("afterStart", query.cursor().start())
                    .and("afterId", query.cursor().id());
        }
        String jpql = where.isEmpty() ? "" : String.join(" and ", where);
        // one row more than the page tells whether another page follows
        List<ConversationSummary> rows = ConversationSummary.<ConversationSummary>find(
                        jpql, Sort.descending("startTimestamp", "id"), params)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .range(0, query.limit())
                .list();
        boolean more = rows.size() > query.limit();
        List<ConversationSummary> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? SummaryCursor.after(page.get(page.size() - 1)).encode() : null;
        return new SummaryPage(page.stream().map(SummaryView::of).toList(), next);
    }

    public Optional<SummaryView> find(int id) {
        return ConversationSummary.<ConversationSummary>findByIdOptional(id).map(SummaryView::of);
    }

    /** The summary's revisions, newest first; empty when there is no such summary. */
    public Optional<SummaryRevisions> revisions(int summaryId) {
        if (ConversationSummary.findByIdOptional(summaryId).isEmpty()) {
            return Optional.empty();
        }
        List<SummaryRevisionView> items =
                SummaryRevision.<SummaryRevision>find("summary.id = ?1", Sort.descending("revisedAt", "id"), summaryId)
                        .stream()
                        .map(SummaryRevisionView::of)
                        .toList();
        return Optional.of(new SummaryRevisions(summaryId, items));
    }

    /**
     * These day summaries with the revision number of their current content (1 for content never replaced), oldest
     * window first; ids without a summary are left out.
     */
    public List<RevisedSummary> withRevisions(Collection<Integer> summaryIds) {
        if (summaryIds.isEmpty()) {
            return List.of();
        }
        Map<Integer, Long> replaced = new HashMap<>();
        entityManager
                .createQuery("""
                        select r.summary.id as id, count(r) as revisions from SummaryRevision r
                        where r.summary.id in :ids group by r.summary.id""", Tuple.class)
                .setParameter("ids", summaryIds)
                .getResultList()
                .forEach(row -> replaced.put(row.get("id", Integer.class), row.get("revisions", Long.class)));
        return ConversationSummary.<ConversationSummary>find(
                        "id in ?1", Sort.ascending("startTimestamp", "id"), summaryIds)
                .stream()
                .map(s -> new RevisedSummary(
                        SummaryView.of(s), 1 + replaced.getOrDefault(s.id, 0L).intValue()))
                .toList();
    }

    /** One user's summaries with one bot whose windows overlap [from, to), oldest first. */
    public List<SummaryView> overlapping(String bot, String userId, Instant from, Instant to) {
        return ConversationSummary.<ConversationSummary>find(
                        "botName = ?1 and userId = ?2 and endTimestamp > ?3 and startTimestamp < ?4",
                        Sort.ascending("startTimestamp", "id"),
                        bot,
                        userId,
                        UtcTimestamps.naive(from),
                        UtcTimestamps.naive(to))
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list()
                .stream()
                .map(SummaryView::of)
                .toList();
    }

    /** The user's newest {@code count} summaries with the bot that started before {@code before}, oldest first. */
    public List<SummaryView> latest(String bot, String userId, Instant before, int count) {
        List<SummaryView> summaries = new ArrayList<>(ConversationSummary.<ConversationSummary>find(
                        "botName = ?1 and userId = ?2 and startTimestamp < ?3",
                        Sort.descending("startTimestamp", "id"),
                        bot,
                        userId,
                        UtcTimestamps.naive(before))
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .page(0, count)
                .list()
                .stream()
                .map(SummaryView::of)
                .toList());
        Collections.reverse(summaries);
        return summaries;
    }

    /**
     * The user's summaries with the bot that mention these lower-case words, with their points: a word among the
     * key topics counts 2, found only in the text 1 (whole words, any case). Most points first, then newest; at most
     * {@code limit}. The words are matched in PostgreSQL so that only the few best rows are loaded.
     */
    public List<WordMatch> mentioning(String bot, String userId, Instant before, Collection<String> words, int limit) {
        List<String> plain = words.stream()
                .filter(word -> !word.isEmpty() && word.codePoints().allMatch(Character::isLetterOrDigit))
                .toList();
        if (plain.isEmpty() || limit <= 0) {
            return List.of();
        }
        // \m and \M anchor a word's start and end; the words hold only letters and digits, nothing a regex reads
        List<?> rows = entityManager
                .createNativeQuery("""
                        SELECT s.id, m.points FROM conversation_summaries s
                        CROSS JOIN LATERAL (
                            SELECT SUM(CASE WHEN array_to_string(s.key_topics, ' ') ~* ('\\m' || w || '\\M') THEN 2
                                            WHEN s.summary_text ~* ('\\m' || w || '\\M') THEN 1 ELSE 0 END) AS points
                              FROM unnest(CAST(:words AS text[])) AS w) m
                         WHERE s.bot_name = :bot AND s.user_id = :user AND s.start_timestamp < :before AND m.points > 0
                         ORDER BY m.points DESC, s.start_timestamp DESC, s.id DESC
                         LIMIT :limit""", Tuple.class)
                .setParameter("words", plain.toArray(String[]::new))
                .setParameter("bot", bot)
                .setParameter("user", userId)
                .setParameter("before", UtcTimestamps.naive(before))
                .setParameter("limit", limit)
                .getResultList();
        Map<Integer, Integer> points = new java.util.LinkedHashMap<>();
        rows.forEach(row -> points.put(
                ((Number) ((Tuple) row).get("id")).intValue(), ((Number) ((Tuple) row).get("points")).intValue()));
        if (points.isEmpty()) {
            return List.of();
        }
        Map<Integer, SummaryView> found = new HashMap<>();
        ConversationSummary.<ConversationSummary>find("id in ?1", points.keySet()).stream()
                .forEach(s -> found.put(s.id, SummaryView.of(s)));
        return points.entrySet().stream()
                .filter(entry -> found.containsKey(entry.getKey()))
                .map(entry -> new WordMatch(found.get(entry.getKey()), entry.getValue()))
                .toList();
    }
}
