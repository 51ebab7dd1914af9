package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigFailureExplainerTest {

    private final ConfigFailureExplainer explainer = ConfigFailureExplainer.fromClasspath();

    @Test
    void namesTheVariableBehindAPropertyInTheFailure() {
        RuntimeException failure = new RuntimeException(
                "Failed to start",
                new IllegalArgumentException("SRCFG00039: The config property qdrant.grpc-port with the config value"
                        + " \"abc\" threw an Exception whose message is \"Expected an integer value, got abc\""));

        assertThat(explainer.explain(failure))
                .hasValueSatisfying(
                        text -> assertThat(text).contains("QDRANT_GRPC_PORT").contains("qdrant.grpc-port"));
    }

    @Test
    void namesBothVariablesOfAFallbackChain() {
        assertThat(explainer.explain(new RuntimeException("bad llm.api-key.")))
                .hasValueSatisfying(text -> assertThat(text).contains("LLM_CHAT_API_KEY / OPENROUTER_API_KEY"));
    }

    @Test
    void ignoresFailuresThatMentionNoMappedProperty() {
        assertThat(explainer.explain(new RuntimeException("Port 8080 already in use")))
                .isEmpty();
    }

    @Test
    void matchesWholePropertyNamesOnly() {
        Properties properties = new Properties();
        properties.setProperty("llm.max-retries", "${LLM_MAX_RETRIES:3}");
        ConfigFailureExplainer narrow = new ConfigFailureExplainer(properties);

        assertThat(narrow.explain(new RuntimeException("llm.max-retries-extra is wrong")))
                .isEmpty();
        assertThat(narrow.explain(new RuntimeException("llm.max-retries must be at most 10")))
                .isPresent();
    }
}
