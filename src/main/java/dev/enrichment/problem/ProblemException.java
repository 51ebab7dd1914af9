package dev.enrichment.problem;

import java.util.List;

/**
 * A failure the API reports to its caller, said without HTTP: its kind, a sentence for the caller and, for invalid
 * input, the offending fields. Services and clients throw it or a subclass; the one mapper in {@code web} turns the
 * kind into status, type and title. The message is what the log may say; the caller is told only the detail.
 */
public class ProblemException extends RuntimeException {

    /** What went wrong, as far as the caller is concerned. */
    public enum Kind {
        /** The request is wrong; {@link #fields()} names the offending inputs. */
        INVALID_REQUEST,
        NOT_FOUND,
        /** The work is already under way. */
        CONFLICT,
        /** No analysis could be had from the LLM. */
        LLM_UNAVAILABLE,
        /** Qdrant cannot be read. */
        SOURCE_UNAVAILABLE
    }

    private final Kind kind;
    private final String detail;
    private final List<FieldError> fields;

    /** A problem whose message is also what the caller is told. */
    public ProblemException(Kind kind, String detail) {
        this(kind, detail, List.of(), detail, null);
    }

    /** A failure whose message and cause may say more than the caller is told. */
    protected ProblemException(Kind kind, String detail, String message, Throwable cause) {
        this(kind, detail, List.of(), message, cause);
    }

    private ProblemException(Kind kind, String detail, List<FieldError> fields, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.detail = detail;
        this.fields = List.copyOf(fields);
    }

    /** The request input {@code field}, named as on the wire, is invalid. */
    public static ProblemException invalid(String field, String message) {
        String detail = field + ": " + message;
        return new ProblemException(Kind.INVALID_REQUEST, detail, List.of(new FieldError(field, message)), detail,
                null);
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
