package dev.enrichment.recap;

import java.util.List;

/**
 * The text holds no time expression that resolves to a range in the past: none was found, part of it could not be
 * read, it names a date that does not exist, its end lies before its start, or it lies entirely at or after
 * {@code as_of}. A 400 for callers; the message gives the reason and lists the supported forms.
 */
public class UnresolvableExpressionException extends RuntimeException {

    static final String NOTHING_FOUND = "found no time expression";

    private final String reason;

    UnresolvableExpressionException(String reason) {
        super(reason + ". Supported forms: " + String.join("; ", TimeExpressionParser.supportedForms()));
        this.reason = reason;
    }

    /** Why the expression could not be resolved, without the list of forms. */
    public String reason() {
        return reason;
    }

    public List<String> supportedForms() {
        return TimeExpressionParser.supportedForms();
    }

    /** The text says nothing time-like at all (as opposed to something the parser cannot read). */
    boolean foundNothing() {
        return NOTHING_FOUND.equals(reason);
    }
}
