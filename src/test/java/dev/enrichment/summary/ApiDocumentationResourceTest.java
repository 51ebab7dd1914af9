package dev.enrichment.summary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole API (reads, admin, jobs) is documented at /q/openapi with a description and an example for every outcome. */
@QuarkusTest
class ApiDocumentationResourceTest {

    private static final String RESPONSE_REF = "#/components/responses/";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "get  | /api/v1/summaries                   | 200 400 401",
                "get  | /api/v1/summaries/{id}              | 200 401 404",
                "get  | /api/v1/summaries/{id}/revisions    | 200 401 404",
                "post | /api/v1/summaries/{id}/regenerate   | 200 401 403 404 409 503",
                "get  | /api/v1/recap                       | 200 400 401",
                "get  | /api/v1/users/{user_id}/facts       | 200 400 401",
                "get  | /api/v1/users/{user_id}/preferences | 200 401",
                "get  | /api/v1/admin/enrichment/status     | 200 401 403",
                "post | /api/v1/admin/enrichment/run        | 202 401 403 409",
                "post | /api/v1/admin/windows/requeue       | 200 400 401 403",
                "get  | /api/v1/admin/jobs                  | 200 401 403",
                "get  | /api/v1/admin/jobs/{id}             | 200 401 403 404",
                "post | /api/v1/admin/jobs/{id}/cancel      | 202 401 403 404",
                "post | /api/v1/admin/jobs/fact-timestamp-backfill | 202 401 403 409",
                "post | /api/v1/admin/jobs/summary-regeneration    | 202 401 403 409"
            })
    void documentsTheOperationWithAnExampleForEveryOutcome(String method, String path, String statuses) {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> operation = doc.getMap("paths.'" + path + "'." + method);

        assertThat(operation).as(method + " " + path).isNotNull();
        assertThat((String) operation.get("summary")).isNotBlank();
        assertThat((String) operation.get("description")).isNotBlank();
        assertThat((List<?>) operation.get("tags")).isNotEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters =
                (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        parameters.forEach(p -> assertThat((String) p.get("description"))
                .as("parameter " + p.get("name"))
                .isNotBlank());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
        assertThat(responses.keySet()).containsAll(List.of(statuses.split(" ")));
        responses.forEach((status, declared) -> {
            Map<String, Object> response = resolve(doc, declared);
            String mediaType = status.startsWith("2") ? "application/json" : "application/problem+json";
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
            assertThat(content).as(status + " content").containsKey(mediaType);
            assertThat((Map<?, ?>) content.get(mediaType).get("examples"))
                    .as(status + " examples")
                    .isNotEmpty();
            assertThat((String) response.get("description"))
                    .as(status + " description")
                    .isNotBlank();
        });
    }

    // shared error responses are references to #/components/responses
    private static Map<String, Object> resolve(JsonPath doc, Map<String, Object> response) {
        Object ref = response.get("$ref");
        if (ref == null) {
            return response;
        }
        assertThat((String) ref).startsWith(RESPONSE_REF);
        return doc.getMap("components.responses." + ((String) ref).substring(RESPONSE_REF.length()));
    }
}
