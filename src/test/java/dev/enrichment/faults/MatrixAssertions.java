package dev.enrichment.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

/** The fault matrix's verdict: a disturbed run must leave what the undisturbed one left. */
final class MatrixAssertions {

    private MatrixAssertions() {}

    /**
     * Every eligible window summarised once with the right message count and the same text, the same facts and
     * preferences, no placeholder, no revision (a window summarised twice leaves one), nothing pending, processing
     * or failed.
     */
    static void assertSameAsReference(Outcome actual, Outcome reference, String context) {
        assertSameResults(actual, reference, context);
        assertThat(actual.windowsByStatus()).as("windows by status").isEqualTo(reference.windowsByStatus());
        assertClean(actual);
    }

    /** The same summaries (per window: message count and text), facts and preferences. */
    static void assertSameResults(Outcome actual, Outcome reference, String context) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(actual.summaries())
                .as("summaries per window\n" + context)
                .isEqualTo(reference.summaries());
        soft.assertThat(actual.facts()).as("facts").isEqualTo(reference.facts());
        soft.assertThat(actual.preferences()).as("preferences").isEqualTo(reference.preferences());
        soft.assertAll();
    }

    /** What must hold after any run, disturbed or not. */
    static void assertClean(Outcome outcome) {
        assertThat(outcome.placeholders()).as("placeholder summaries").isZero();
        assertThat(outcome.revisions())
                .as("summaries replaced (a window summarised twice)")
                .isZero();
        assertThat(outcome.windows("processing"))
                .as("windows stuck in processing")
                .isZero();
        assertThat(outcome.windows("pending")).as("windows left pending").isZero();
        assertThat(outcome.windows("failed")).as("failed windows").isZero();
    }
}
