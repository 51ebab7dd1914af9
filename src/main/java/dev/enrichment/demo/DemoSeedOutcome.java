package dev.enrichment.demo;

import java.util.List;

/** What one demo seeding attempt did: the collections it wrote (or found, or failed on) and what went in. */
public record DemoSeedOutcome(Status status, List<String> collections, int messages, int points) {

    public enum Status {
        /** The demo collections were created and filled. */
        SEEDED,
        /** At least one demo collection already existed, so nothing was written. */
        ALREADY_PRESENT,
        /** Qdrant failed; the collections this attempt created were removed again where possible. */
        FAILED
    }

    static DemoSeedOutcome alreadyPresent(List<String> present) {
        return new DemoSeedOutcome(Status.ALREADY_PRESENT, List.copyOf(present), 0, 0);
    }

    static DemoSeedOutcome failed(List<String> attempted) {
        return new DemoSeedOutcome(Status.FAILED, List.copyOf(attempted), 0, 0);
    }
}
