package dev.enrichment.fact;

import java.util.List;

/** A user's facts, most confident first. */
public record FactList(String userId, List<FactView> items) {}
