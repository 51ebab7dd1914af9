package dev.enrichment.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of problem the API reports. Each has a stable type URI under {@link #BASE}: an identifier for clients
 * to switch on (RFC 9457 section 3.1.1), not a page to fetch. Each {@code ProblemException.Kind} has the type of the
 * same name.
 */
enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    // The generic 503 comes first so that forStatus(503) finds it.
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    LLM_UNAVAILABLE(503, "llm-unavailable", "LLM unavailable"),
    SOURCE_UNAVAILABLE(503, "conversation-source-unavailable", "Conversation source unavailable"),
    SEARCH_UNAVAILABLE(503, "search-unavailable", "Search unavailable");

    static final String BASE = "https://enrichment.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    int status() {
        return status;
    }

    String uri() {
        return BASE + slug;
    }

    String title() {
        return title;
    }

    /** The general type for a status; empty for statuses the API has no type of its own for. */
    static Optional<ProblemType> forStatus(int status) {
        return Arrays.stream(values()).filter(type -> type.status == status).findFirst();
    }
}
