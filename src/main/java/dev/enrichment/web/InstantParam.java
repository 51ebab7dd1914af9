package dev.enrichment.web;

import java.time.Instant;

/**
 * An instant given as a query parameter, with an offset ({@code 2025-10-18T00:00:00Z}, {@code ...+02:00}). A
 * parameter cannot be an {@link Instant} itself: Quarkus reads those with a converter of its own, which takes no
 * {@code ParamConverterProvider} and does not name the parameter it refuses.
 */
public record InstantParam(Instant instant) {}
