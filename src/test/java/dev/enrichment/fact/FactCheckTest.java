package dev.enrichment.fact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactCheckTest {

    @Test
    void acceptsAFactTrimmingItAndLowerCasingItsTypes() {
        FactCheck.Result result = FactCheck.check(new NewFact("  Marine Biology ", " Hobby", "LIKES ", 0.9, "said so"));

        assertThat(result)
                .isEqualTo(new FactCheck.Accepted(new CheckedFact("Marine Biology", "hobby", "likes", 0.9, "said so")));
    }

    @Test
    void rejectsWhatTheTablesCouldNotHold() {
        assertThat(reason(new NewFact("x", "hobby", "r".repeat(51), 0.9, null))).contains("at most 50");
        assertThat(reason(new NewFact("x", "hobby", "likes", 1.01, null))).contains("outside 0..1");
        assertThat(reason(new NewFact("x", "hobby", "likes", -0.1, null))).contains("outside 0..1");
        assertThat(reason(new NewFact("x", "hobby", "likes", Double.NaN, null))).contains("outside 0..1");
        assertThat(reason(new NewFact("x", "hobby", "likes", Double.POSITIVE_INFINITY, null)))
                .contains("outside 0..1");
        assertThat(reason(new NewFact(" ", "hobby", "likes", 0.5, null))).isEqualTo("entity_name is blank");
        assertThat(reason(new NewFact("x", null, "likes", 0.5, null))).isEqualTo("entity_type is blank");
        assertThat(reason(new NewFact("x", "hobby", "", 0.5, null))).isEqualTo("relationship_type is blank");
        assertThat(reason(new NewFact("n".repeat(201), "hobby", "likes", 0.5, null)))
                .contains("at most 200");
        assertThat(reason(new NewFact("a\u0000b", "hobby", "likes", 0.5, null))).contains("NUL");
        assertThat(reason(null)).isEqualTo("fact is null");
    }

    @Test
    void rejectsWhatWouldLookLikeAProcessingMarker() {
        assertThat(reason(new NewFact("elena_1_fact", "_processing_marker", "likes", 1.0, null)))
                .contains("reserved");
        assertThat(reason(new NewFact("x", "hobby", "_enrichment_fact_marker", 1.0, null)))
                .contains("_enrichment%");
        // the bots' LIKE treats the leading underscore as any character
        assertThat(reason(new NewFact("x", "hobby", "xenrichment_notes", 1.0, null)))
                .contains("_enrichment%");
        assertThat(FactCheck.check(new NewFact("x", "hobby", "enrichment_fan", 1.0, null)))
                .isInstanceOf(FactCheck.Accepted.class);
    }

    @Test
    void neverQuotesTheFactInAReason() {
        assertThat(reason(new NewFact("secret-name", "hobby", "secret-relationship-" + "r".repeat(40), 0.5, null)))
                .doesNotContain("secret");
        assertThat(reason(new NewFact("secret-name", "secret-type", "likes", 7, null)))
                .doesNotContain("secret");
    }

    @Test
    void dropsNulCharactersFromTheReasoning() {
        FactCheck.Result result = FactCheck.check(new NewFact("x", "hobby", "likes", 0.5, "said\u0000 so"));

        assertThat(((FactCheck.Accepted) result).fact().reasoning()).isEqualTo("said so");
    }

    private static String reason(NewFact fact) {
        FactCheck.Result result = FactCheck.check(fact);
        assertThat(result).isInstanceOf(FactCheck.Rejected.class);
        return ((FactCheck.Rejected) result).reason();
    }
}
