package dev.enrichment.security;

/** A request the API key check turned away: 401 without a valid key, 403 when the key lacks the role. */
public final class AccessDeniedException extends RuntimeException {

    /** Why the request was refused; each reason has one status and one client-facing sentence. */
    public enum Reason {
        MISSING_KEY(401, "an API key is required: send Authorization: Bearer <key> or X-API-Key: <key>"),
        INVALID_KEY(401, "the API key is not valid"),
        ROLE_MISSING(403, "this operation needs an admin key"),
        NO_ACCESS_RULE(403, "this endpoint is closed: it declares no access rule");

        private final int status;
        private final String detail;

        Reason(int status, String detail) {
            this.status = status;
            this.detail = detail;
        }
    }

    private final Reason reason;

    public AccessDeniedException(Reason reason) {
        // Thrown for every refused request, and always for the same known reason: a stack trace would be waste.
        super(reason.detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status;
    }

    public String detail() {
        return reason.detail;
    }
}
