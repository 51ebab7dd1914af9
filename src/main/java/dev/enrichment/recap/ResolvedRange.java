package dev.enrichment.recap;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The half-open range {@code [from, to)} a time expression resolved to, the zone it was resolved in, and the matched
 * expression as normalised lower-case text (for example {@code "last week"}).
 */
public record ResolvedRange(Instant from, Instant to, ZoneId zone, String expression) {}
