package dev.enrichment.context;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Set;

/** How the prompt context ranks facts and how many past conversations it adds. */
@ConfigMapping(prefix = "context")
public interface ContextConfig {

    /** {@code CONTEXT_FACT_HALF_LIFE}: a fact's recency weight halves every this long since it was last seen. */
    @WithDefault("30d")
    Duration factHalfLife();

    /** {@code CONTEXT_STALE_AFTER}: a fact of a stale kind last seen longer ago than this is possibly outdated. */
    @WithDefault("90d")
    Duration staleAfter();

    /** {@code CONTEXT_STALE_KINDS}: entity or relationship types that go stale (where one lives, works, plans). */
    @WithDefault("location,occupation,education,goal,lives_in,works_as,studied_at,plans_to")
    Set<String> staleKinds();

    /** {@code CONTEXT_MAX_FACTS}: the most relevant facts offered to the block; the budget may take fewer. */
    @WithDefault("20")
    @Min(value = 0, message = "CONTEXT_MAX_FACTS must be between 0 and 200")
    @Max(value = 200, message = "CONTEXT_MAX_FACTS must be between 0 and 200")
    int maxFacts();

    /** {@code CONTEXT_SIMILAR_COUNT}: at most this many related past conversations when q is given. */
    @WithDefault("3")
    @Min(value = 0, message = "CONTEXT_SIMILAR_COUNT must be between 0 and 10")
    @Max(value = 10, message = "CONTEXT_SIMILAR_COUNT must be between 0 and 10")
    int similarCount();

    /** {@code CONTEXT_MIN_PREFERENCE_CONFIDENCE}: preferences less sure than this stay out (the name never does). */
    @WithDefault("0.5")
    double minPreferenceConfidence();
}
