package dev.enrichment.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CDI-built client talks to the configured provider exactly as to OpenRouter, and its usage reaches /q/metrics. */
@QuarkusTest
class LlmClientWiringTest {

    @Inject
    LlmClient client;

    @BeforeEach
    void resetProvider() {
        LlmWireMockResource.server().resetAll();
    }

    @Test
    void callsTheConfiguredProviderAndPublishesTokenUsage() {
        LlmStubs stubs =
                LlmStubs.on(LlmWireMockResource.server()).willReturn(LlmStubs.completion("{\"ok\":true}", 120, 30));

        ChatCompletion completion = client.complete(
                ChatRequest.of(ChatMessage.user("ping")).withResponseFormat(ResponseFormat.jsonObject()));

        assertThat(client.isConfigured()).isTrue();
        assertThat(completion.content()).isEqualTo("{\"ok\":true}");
        assertThat(stubs.requests()).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo(LlmStubs.CHAT_PATH);
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + LlmWireMockResource.API_KEY);
        });
        assertThat(stubs.requestBodies().get(0).get("model").asText()).isEqualTo(LlmWireMockResource.MODEL);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("llm_tokens_total{type=\"prompt\""));
    }
}
