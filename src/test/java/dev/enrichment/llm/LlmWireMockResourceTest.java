package dev.enrichment.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmWireMockResourceTest {

    private final LlmWireMockResource resource = new LlmWireMockResource();

    @AfterEach
    void stop() {
        resource.stop();
    }

    @Test
    void servesTheChatEndpointUnderTheSettingsItHandsToQuarkus() throws Exception {
        Map<String, String> settings = resource.start();
        LlmStubs stubs = LlmStubs.on(LlmWireMockResource.server()).willAnswer("hello from the stub");

        // Plain HTTP: outside a running application there is no LlmClient (its REST client is built by Quarkus).
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(settings.get("llm.api-url") + "/chat/completions"))
                                .header("Authorization", "Bearer " + settings.get("llm.api-key"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"" + settings.get("llm.model") + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body()).contains("hello from the stub");
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
}
