package dev.enrichment.recap;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a recap's range was decided. */
public enum ResolvedBy {
    /** The time expression in {@code when}, read by the deterministic rules. */
    RULE,
    /** The caller's {@code from} and {@code to}. */
    EXPLICIT,
    /** The LLM read a phrase the rules could not. */
    LLM,
    /** No usable time expression: the most recent conversations. */
    LATEST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
