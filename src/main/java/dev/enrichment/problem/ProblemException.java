package dev.enrichment.problem;

import java.util.List;

/**
 * A failure the API reports to its caller, said without HTTP: its kind, a sentence for the caller and, for invalid
 * input, the offending fields. Services and clients throw it or a subclass; the one mapper in {@code web} gives each
 * kind the status, type and title of the problem type of the same name. The message is what the log may say; the
 * caller is told only the detail.
 */
public class ProblemException extends RuntimeException {

    /** What went wrong, as far as the caller is concerned. */
    public enum Kind {
        INVALID_REQUEST,
        NOT_FOUND,
        CONFLICT,
        LLM_UNAVAILABLE,
        SOURCE_UNAVAILABLE,
        SEARCH_UNAVAILABLE
    }

    private final Kind kind;
    private final String detail;
    private final List<FieldError> fields;

    /** A problem whose message is also what the caller is told. */
    public ProblemException(Kind kind, String detail) {
        this(kind, detail, detail, null, List.of());
    }

    /** A failure whose message and cause, for the log, may say more than the caller is told. */
    protected ProblemException(Kind kind, String detail, String message, Throwable cause) {
        this(kind, detail, message, cause, List.of());
    }

    private ProblemException(Kind kind, String detail, String message, Throwable cause, List<FieldError> fields) {
        super(message, cause);
        this.kind = kind;
        this.detail = detail;
        this.fields = fields;
    }

    /** The request input {@code field}, named as on the wire, is invalid. */
    public static ProblemException invalid(String field, String message) {
        String detail = field + ": " + message;
        List<FieldError> fields = List.of(new FieldError(field, message));
        return new ProblemException(Kind.INVALID_REQUEST, detail, detail, null, fields);
    }

    public Kind problemKind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> fields() {
        return fields;
    }

    /** What the log may say about this failure: the message, unless a subclass's message may quote content. */
    public String logText() {
        return getMessage();
    }
}
