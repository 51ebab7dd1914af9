package dev.enrichment.fact;

import dev.enrichment.web.QueryParams;

/** The validated filters of a fact listing; null filters match everything. */
record FactQuery(String userId, String bot, Double minConfidence, String entityType, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    static FactQuery parse(String userId, String bot, String minConfidence, String entityType, String limit) {
        return new FactQuery(QueryParams.required("user_id", userId), QueryParams.text(bot),
                QueryParams.confidence("min_confidence", minConfidence), QueryParams.text(entityType),
                QueryParams.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}
