package dev.enrichment.search;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The in-process model switched on; shared by every test that needs it, so the model loads once per run. */
public class LocalEmbeddingsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("search.embeddings-provider", "local");
    }
}
