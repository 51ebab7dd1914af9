package dev.enrichment.fact;

/** What happened to a fact, as recorded in its history; stored lower-case. */
public enum FactChange {
    CREATED,
    CONFIRMED,
    STRENGTHENED,
    SUPERSEDED,
    BACKFILLED
}
