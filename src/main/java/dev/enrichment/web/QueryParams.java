package dev.enrichment.web;

/**
 * What is left of the hand-written parameter parsing: query parameters are read by {@link QueryParamConverters} and
 * checked by Bean Validation. The jobs API still trims text fields of its request bodies with {@link #text}.
 */
public final class QueryParams {

    private QueryParams() {}

    /** Null for a missing or blank value. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
