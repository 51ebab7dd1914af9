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
                .page(0, count)
                .stream()
                .map(SummaryView::of)
                .toList());
        Collections.reverse(summaries);
        return summaries;
    }
}
