package dev.enrichment.preference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.preference.PreferenceRules.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferenceRulesTest {

    private static final Instant AT = Instant.parse("2025-10-19T02:30:00.123456Z");

    @Test
    void createsAKeyTheUserHasNoValueFor() {
        assertThat(PreferenceRules.decide(null, inferred("Mark", 0.6))).isEqualTo(Decision.CREATE);
    }

    @Test
    void keepsAnExplicitValueAgainstAnInferredOneHoweverConfident() {
        assertThat(PreferenceRules.decide(stored("Mark", 0.9, true), inferred("Marky", 1.0)))
                .isEqualTo(Decision.KEEP);
    }

    @Test
    void countsTheBotsRegexEntriesAsExplicit() {
        Map<String, Object> regex = Map.of(
                "value",
                "Mark",
                "confidence",
                0.7,
                "updated_at",
                "2025-10-19T04:30:00.1",
                "metadata",
                Map.of("detection_method", "regex_pattern", "detected_pattern", "call me"));

        assertThat(PreferenceRules.decide(regex, inferred("Marky", 0.95))).isEqualTo(Decision.KEEP);
    }

    @Test
    void replacesAnExplicitValueWithAStatedChangeOrAnotherExplicitOne() {
        assertThat(PreferenceRules.decide(
                        stored("Mark", 0.9, true),
                        new NewPreference("preferred_name", "Marcus", 0.6, false, true, null)))
                .isEqualTo(Decision.REPLACE);
        assertThat(PreferenceRules.decide(
                        stored("Mark", 0.9, true),
                        new NewPreference("preferred_name", "Marcus", 0.6, true, false, null)))
                .isEqualTo(Decision.REPLACE);
    }

    @Test
    void replacesAnInferredValueOnlyWithOneAtLeastAsConfident() {
        assertThat(PreferenceRules.decide(stored("UTC", 0.7, false), inferred("CET", 0.69)))
                .isEqualTo(Decision.KEEP);
        assertThat(PreferenceRules.decide(stored("UTC", 0.7, false), inferred("CET", 0.7)))
                .isEqualTo(Decision.REPLACE);
    }

    @Test
    void refreshesTheSameValue() {
        assertThat(PreferenceRules.decide(stored("Mark", 0.9, true), inferred(" Mark ", 0.5)))
                .isEqualTo(Decision.REFRESH);
    }

    @Test
    void aRefreshKeepsTheHigherConfidenceAndTheRestOfTheEntry() {
        Map<String, Object> stored = stored("Mark", 0.9, false);

        Map<String, Object> refreshed = PreferenceRules.refreshedEntry(
                stored, new NewPreference("preferred_name", "Mark", 0.5, true, false, "again"), AT);

        assertThat(refreshed)
                .containsEntry("confidence", 0.9)
                .containsEntry("value", "Mark")
                .containsEntry("updated_at", "2025-10-19T02:30:00.123456+00:00");
        assertThat(object(refreshed.get("metadata")))
                .containsEntry("is_explicit", true)
                .containsEntry("bot_name", "marcus");
    }

    @Test
    void aReplacementKeepsThePreviousValueAndAShortHistory() {
        Map<String, Object> first = PreferenceRules.newEntry(explicit("A"), "elena", AT, null);
        Map<String, Object> current = first;
        for (String value : List.of("B", "C", "D", "E", "F", "G")) {
            current = PreferenceRules.newEntry(explicit(value), "elena", AT, current);
        }

        assertThat(current).containsEntry("value", "G");
        assertThat(object(current.get("previous")))
                .containsEntry("value", "F")
                .doesNotContainKeys("previous", "history");
        assertThat((List<?>) current.get("history"))
                .extracting(entry -> object(entry).get("value"))
                .containsExactly("E", "D", "C", "B");
    }

    @Test
    void rejectsUnknownTypesBlankValuesAndConfidenceOutOfRange() {
        assertThat(PreferenceRules.rejection(new NewPreference("favourite_secret", "x", 0.9, true, false, null)))
                .startsWith("type is not one of")
                .doesNotContain("favourite_secret");
        assertThat(PreferenceRules.rejection(new NewPreference("timezone", "  ", 0.9, true, false, null)))
                .isEqualTo("timezone: value is blank");
        assertThat(PreferenceRules.rejection(new NewPreference("timezone", "UTC", 1.2, true, false, null)))
                .contains("outside 0..1");
        assertThat(PreferenceRules.rejection(new NewPreference("timezone", "UTC", Double.NaN, true, false, null)))
                .contains("outside 0..1");
        assertThat(PreferenceRules.rejection(new NewPreference(" Timezone ", "UTC", 0.8, true, false, null)))
                .isNull();
    }

    private static Map<String, Object> stored(String value, double confidence, boolean explicit) {
        return Map.of(
                "value",
                value,
                "confidence",
                confidence,
                "updated_at",
                "2025-10-18T00:00:00+00:00",
                "metadata",
                Map.of("extraction_method", "enrichment_worker", "is_explicit", explicit, "bot_name", "marcus"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static NewPreference inferred(String value, double confidence) {
        return new NewPreference("preferred_name", value, confidence, false, false, null);
    }

    private static NewPreference explicit(String value) {
        return new NewPreference("preferred_name", value, 0.95, true, false, null);
    }
}
