package dev.enrichment.pipeline;

/** The answer to an admin's "run a cycle now": it started; its progress shows on the status endpoint. */
public record CycleStarted(String message, String statusUrl) {
}
