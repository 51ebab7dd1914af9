package dev.enrichment.pipeline;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to an admin's "run a cycle now": it started; its progress shows on the status endpoint. */
// Sent inside a Response, so no resource signature names it and Quarkus would not register it for the native image.
@RegisterForReflection
public record CycleStarted(String message, String statusUrl) {}
