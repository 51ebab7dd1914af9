package dev.enrichment.recap;

import java.util.List;

/**
 * What {@link TimeExpressionParser#read} made of a sentence: a range, nothing time-like at all, or something
 * time-like that could not be read as a whole, or a range longer than a recap may span (the parser never answers with a range narrower than what was said).
 */
public sealed interface TimeReading
        permits TimeReading.Range, TimeReading.NoTimeExpression, TimeReading.Unreadable, TimeReading.TooLong {

    /** Every time expression in the sentence was read; together they name this range. */
    record Range(ResolvedRange range) implements TimeReading {}

    /** The sentence says nothing about time ("what did we talk about?"). */
    record NoTimeExpression() implements TimeReading {}

    /**
     * The sentence talks about time, but not wholly in forms the parser reads, or it names no recappable past
     * range (a date that does not exist, the future).
     *
     * @param reason one sentence for the caller, quoting the part that could not be used
     * @param supportedForms the forms the parser reads, for an answer or a prompt
     */
    record Unreadable(String reason, List<String> supportedForms) implements TimeReading {

        public Unreadable {
            supportedForms = List.copyOf(supportedForms);
        }
    }

    /** The sentence was read, but names more than {@value TimeExpressionParser#MAX_DAYS} days: the caller must narrow it. */
    record TooLong(String reason) implements TimeReading {}
}
