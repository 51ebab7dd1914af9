package dev.enrichment.preference;

/**
 * A preference the analysis found, before it is merged into {@code universal_users.preferences}.
 *
 * @param type one of the vocabulary's preference types (preferred_name, pronouns, timezone, ...)
 * @param value the preferred value, e.g. "Mark"
 * @param confidence 0..1
 * @param explicit the user said it outright ("call me Mark") rather than it being inferred
 * @param preferenceChange the user is changing an earlier preference ("actually, call me Marcus")
 * @param reasoning the model's short justification
 */
public record NewPreference(
        String type, String value, double confidence, boolean explicit, boolean preferenceChange, String reasoning) {}
