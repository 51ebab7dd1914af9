package dev.enrichment.web;

/**
 * Names of the reusable error responses in {@code /q/openapi} ({@code #/components/responses/...}), for
 * {@code @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)}. Each has the {@link #SCHEMA} body
 * and an example from {@link ProblemExamples}.
 */
public final class ProblemResponses {

    /** The media type of every error body. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The schema of every error body ({@code #/components/schemas/Problem}). */
    public static final String SCHEMA = "Problem";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String INTERNAL_ERROR = "InternalError";

    private ProblemResponses() {}
}
