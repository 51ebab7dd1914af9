package dev.enrichment.demo;

import dev.enrichment.StrictBooleanConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;

/** Demo-only settings ({@code ENRICHMENT_DEMO_*} variables); never needed in production. */
@ConfigMapping(prefix = "enrichment.demo")
public interface DemoConfig {

    /**
     * {@code ENRICHMENT_DEMO_SEED}: at start, fill an empty Qdrant with two weeks of demo conversations. Off by
     * default; meant for a demo or a local trial, never for a Qdrant that real bots write to.
     */
    @WithConverter(StrictBooleanConverter.class)
    boolean seed();
}
