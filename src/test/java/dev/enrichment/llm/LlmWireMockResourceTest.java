package dev.enrichment.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import io.quarkus.runtime.configuration.DurationConverter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmWireMockResourceTest {

    private final LlmWireMockResource resource = new LlmWireMockResource();

    @AfterEach
    void stop() {
        resource.stop();
    }

    @Test
    void servesTheClientThroughTheSettingsItHandsToQuarkus() {
        Map<String, String> settings = resource.start();
        LlmStubs stubs = LlmStubs.on(LlmWireMockResource.server()).willAnswer("hello from the stub");

        ChatCompletion completion = new LlmClientFixture().client(configFrom(settings))
                .complete(ChatRequest.of(ChatMessage.user("Hello")));

        assertThat(completion.content()).isEqualTo("hello from the stub");
        assertThat(stubs.requests()).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo("/api/v1/chat/completions");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-llm-key");
        });
    }

    @Test
    void forgetsTheServerWhenStopped() {
        resource.start();
        resource.stop();

        assertThatIllegalStateException().isThrownBy(LlmWireMockResource::server);
    }

    private static LlmConfig configFrom(Map<String, String> settings) {
        return new TestLlmConfig(URI.create(settings.get("llm.api-url")), Optional.of(settings.get("llm.api-key")),
                settings.get("llm.model"), Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                DurationConverter.parseDuration(settings.get("llm.initial-backoff")),
                DurationConverter.parseDuration(settings.get("llm.max-backoff")), 4);
    }
}
