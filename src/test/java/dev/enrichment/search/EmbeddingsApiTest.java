package dev.enrichment.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible embeddings client against WireMock: order by index, retries, and what is not retried. */
@QuarkusTest
class EmbeddingsApiTest {

    private WireMockServer server;

    @BeforeEach
    void reset() {
        server = LlmWireMockResource.server();
        server.resetAll();
    }

    @Test
    void returnsOneVectorPerTextInTheTextsOrder() {
        server.stubFor(post(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer emb-key"))
                .withRequestBody(equalToJson("{\"model\":\"emb-model\",\"input\":[\"a\",\"b\"],\"dimensions\":2}"))
                .willReturn(okJson("{\"object\":\"list\",\"data\":["
                        + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.0,1.0]},"
                        + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.0,0.0]}],"
                        + "\"model\":\"emb-model\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}")));

        List<float[]> vectors = new ApiEmbedder(config()).embed(List.of("a", "b"));

        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).containsExactly(1.0f, 0.0f);
        assertThat(vectors.get(1)).containsExactly(0.0f, 1.0f);
    }

    @Test
    void retriesAServerErrorThenSucceeds() {
        server.stubFor(post(urlEqualTo("/v1/embeddings"))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo("/v1/embeddings"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"data\":[{\"index\":0,\"embedding\":[0.5,0.5]}]}")));

        assertThat(new ApiEmbedder(config()).embed(List.of("a"))).hasSize(1);
        server.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings")));
    }

    @Test
    void doesNotRetryARefusedKey() {
        server.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> new ApiEmbedder(config()).embed(List.of("a")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("HTTP 401");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/embeddings")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /**
     * A proxy rather than an implementing class: the mapping's constraint annotations would be inherited by the
     * overriding methods, and Quarkus refuses validation bindings on a test's anonymous class.
     */
    private SearchConfig config() {
        Map<String, Object> values = Map.ofEntries(
                Map.entry("embeddingsProvider", SearchConfig.EmbeddingsProvider.API),
                Map.entry("embeddingsApiUrl", Optional.of(URI.create(server.baseUrl() + "/v1"))),
                Map.entry("embeddingsApiKey", Optional.of("emb-key")),
                Map.entry("embeddingsModel", Optional.of("emb-model")),
                Map.entry("embeddingsDimensions", Optional.of(2)),
                Map.entry("embeddingsConnectTimeout", Duration.ofSeconds(2)),
                Map.entry("embeddingsReadTimeout", Duration.ofSeconds(5)),
                Map.entry("embeddingsMaxRetries", 2),
                Map.entry("embeddingsInitialBackoff", Duration.ofMillis(10)),
                Map.entry("embeddingsMaxBackoff", Duration.ofMillis(50)),
                Map.entry("embeddingsMaxConcurrency", 1));
        return (SearchConfig) Proxy.newProxyInstance(
                SearchConfig.class.getClassLoader(),
                new Class<?>[] {SearchConfig.class},
                (proxy, method, args) -> values.get(method.getName()));
    }
}
