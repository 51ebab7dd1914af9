package dev.enrichment.summary;

import dev.enrichment.web.ApiProblem;
import dev.enrichment.web.QueryParams;
import dev.enrichment.web.QueryParams.DayEnd;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The filters and page of a summary listing, validated.
 *
 * @param from windows ending after it; null for no lower bound
 * @param to windows starting before it; null for no upper bound
 * @param after the keyset position to continue after; null for the first page
 */
record SummaryQuery(String bot, String userId, Instant from, Instant to, String summaryType,
        Double minConfidence, int limit, SummaryCursor after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final Set<String> TYPES = Set.of("time_window", "extractive");

    /** Reads the query parameters as sent; dates are UTC days and a {@code to} date includes its day. */
    static SummaryQuery parse(String bot, String userId, String from, String to, String summaryType,
            String minConfidence, String limit, String cursor) {
        Instant start = QueryParams.instant("from", from, ZoneOffset.UTC, DayEnd.START);
        Instant end = QueryParams.instant("to", to, ZoneOffset.UTC, DayEnd.END);
        QueryParams.requireOrdered("from", start, "to", end);
        String type = QueryParams.text(summaryType);
        if (type != null && !TYPES.contains(type)) {
            throw ApiProblem.badRequest("summary_type", "must be time_window or extractive, was '" + type + "'");
        }
        return new SummaryQuery(QueryParams.text(bot), QueryParams.text(userId), start, end, type,
                QueryParams.confidence("min_confidence", minConfidence),
                QueryParams.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT), SummaryCursor.decode("cursor", cursor));
    }
}
