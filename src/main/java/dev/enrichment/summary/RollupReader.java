package dev.enrichment.summary;

import dev.enrichment.UtcTimestamps;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads summaries by granularity: the day summaries, or the weekly and monthly rollups built from them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RollupReader {

    /**
     * One user's summaries with one bot of this granularity whose windows or periods overlap [from, to), oldest
     * first. A week or month appears once it has ended and its days have settled (see docs/architecture.md).
     */
    public List<SummaryView> overlapping(String bot, String userId, Instant from, Instant to, Granularity granularity) {
        Objects.requireNonNull(granularity, "granularity");
        if (granularity == Granularity.DAY) {
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
        return SummaryRollup.<SummaryRollup>find(
                        "botName = ?1 and userId = ?2 and granularity = ?3 and periodEnd > ?4 and periodStart < ?5",
                        Sort.ascending("periodStart", "id"),
                        bot,
                        userId,
                        granularity.wireName(),
                        from,
                        to)
                .stream()
                .map(SummaryView::of)
                .toList();
    }

    /** The page of week or month rollups matching the query, newest period first (then highest id). */
    SummaryPage list(SummaryQuery query) {
        if (query.granularity() == Granularity.DAY) {
            throw new IllegalArgumentException("day summaries are listed by SummaryReader");
        }
        List<String> where = new ArrayList<>();
        Parameters params = Parameters.with("granularity", query.granularity().wireName());
        where.add("granularity = :granularity");
        if (query.bot() != null) {
            where.add("botName = :bot");
            params.and("bot", query.bot());
        }
        if (query.userId() != null) {
            where.add("userId = :user");
            params.and("user", query.userId());
        }
        if (query.endsAfter() != null) {
            where.add("periodEnd > :from");
            params.and("from", query.endsAfter());
        }
        if (query.startsBefore() != null) {
            where.add("periodStart < :to");
            params.and("to", query.startsBefore());
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
            // the cursor keeps a naive UTC start, the format of day pages, so one cursor type serves both
            Instant afterStart = UtcTimestamps.instant(query.cursor().start());
            where.add("(periodStart < :afterStart or (periodStart = :afterStart and id < :afterId))");
            params.and("afterStart", afterStart).and("afterId", query.cursor().id());
        }
        // one row more than the page tells whether another page follows
        List<SummaryRollup> rows = SummaryRollup.<SummaryRollup>find(
                        String.join(" and ", where), Sort.descending("periodStart", "id"), params)
                .range(0, query.limit())
                .list();
        boolean more = rows.size() > query.limit();
        List<SummaryRollup> page = more ? rows.subList(0, query.limit()) : rows;
        String next = null;
        if (more) {
            SummaryRollup last = page.get(page.size() - 1);
            next = new SummaryCursor(UtcTimestamps.naive(last.periodStart), last.id).encode();
        }
        return new SummaryPage(page.stream().map(SummaryView::of).toList(), next);
    }
}
