package dev.enrichment.recap;

/** The expression resolved, but to more than {@value TimeExpressionParser#MAX_DAYS} whole days. A 400 for callers. */
public class RangeTooLongException extends RuntimeException {

    private final long days;

    RangeTooLongException(String expression, long days) {
        super("\"" + expression + "\" covers " + days + " days; at most " + TimeExpressionParser.MAX_DAYS
                + " days can be recapped");
        this.days = days;
    }

    /** Whole calendar days the refused range covers. */
    public long days() {
        return days;
    }
}
