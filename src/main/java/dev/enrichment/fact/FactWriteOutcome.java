package dev.enrichment.fact;

import java.util.List;

/**
 * What {@link FactWriter#write} did with one window's facts.
 *
 * @param created new facts stored
 * @param strengthened existing facts of the same type whose confidence rose
 * @param confirmed existing facts of the same type seen again, confidence unchanged
 * @param outranked new facts not stored because a stronger opposite or similar fact exists (recorded in history)
 * @param superseded existing facts removed in favour of a new one (recorded in history first)
 * @param rejected facts that failed validation and were skipped
 * @param rejections one reason per rejected fact, with its position in the batch; never the fact's text
 */
public record FactWriteOutcome(
        int created,
        int strengthened,
        int confirmed,
        int outranked,
        int superseded,
        int rejected,
        List<String> rejections) {

    public FactWriteOutcome {
        rejections = List.copyOf(rejections);
    }

    /** Facts that are live after the write: created, strengthened or confirmed. */
    public int stored() {
        return created + strengthened + confirmed;
    }
}
