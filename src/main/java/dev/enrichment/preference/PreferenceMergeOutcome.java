package dev.enrichment.preference;

import java.util.List;

/**
 * What {@link PreferenceWriter#merge} did with one window's preferences.
 *
 * @param created keys the user had no value for
 * @param replaced keys whose value changed; the replaced value is kept under {@code previous}
 * @param refreshed keys seen again with the same value: confidence (the higher) and {@code updated_at} refreshed
 * @param kept values not written because the stored one takes precedence (an explicit value against an inferred
 *     one, or a more confident inferred value)
 * @param rejected preferences that failed validation and were skipped
 * @param rejections one reason per rejected preference, with its position in the batch; never the value
 */
public record PreferenceMergeOutcome(
        int created, int replaced, int refreshed, int kept, int rejected, List<String> rejections) {

    public PreferenceMergeOutcome {
        rejections = List.copyOf(rejections);
    }
}
