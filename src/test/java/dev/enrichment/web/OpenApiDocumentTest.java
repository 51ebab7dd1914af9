package dev.enrichment.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /q/openapi describes the service, both ways to send a key, each operation's role and every error's body. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String UNAUTHORIZED = "#/components/responses/Unauthorized";

    private JsonPath document;

    @BeforeEach
    void fetchDocument() {
        document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void describesTheServiceAndItsTwoRoles() {
        assertThat(document.getString("info.title")).isEqualTo("Conversation enrichment API");
        assertThat(document.getString("info.description"))
                .contains("WhisperEngine")
                .contains("bot")
                .contains("admin")
                .contains("problem+json");
    }

    @Test
    void acceptsABearerKeyOrAnXApiKeyHeader() {
        assertThat(document.getString("components.securitySchemes.bearer.type")).isEqualTo("http");
        assertThat(document.getString("components.securitySchemes.bearer.scheme"))
                .isEqualTo("bearer");
        assertThat(document.getString("components.securitySchemes.api_key.type"))
                .isEqualTo("apiKey");
        assertThat(document.getString("components.securitySchemes.api_key.in")).isEqualTo("header");
        assertThat(document.getString("components.securitySchemes.api_key.name"))
                .isEqualTo("X-API-Key");
        assertThat(document.getList("security"))
                .containsExactly(Map.of("bearer", List.of()), Map.of("api_key", List.of()));
    }

    @Test
    void definesTheProblemSchemaInSnakeCase() {
        Map<String, Object> properties = document.getMap("components.schemas.Problem.properties");

        assertThat(properties).containsKeys("type", "title", "status", "detail", "instance", "fields", "error_id");
        assertThat(document.getList("components.schemas.Problem.required"))
                .containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(document.getMap("components.schemas.ProblemField.properties"))
                .containsKeys("field", "message");
    }

    @Test
    void givesEveryErrorResponseAProblemBodyWithAnExample() {
        Map<String, Map<String, Object>> responses = document.getMap("components.responses");

        assertThat(responses)
                .containsKeys(
                        ProblemResponses.BAD_REQUEST,
                        ProblemResponses.UNAUTHORIZED,
                        ProblemResponses.FORBIDDEN,
                        ProblemResponses.NOT_FOUND,
                        ProblemResponses.CONFLICT,
                        ProblemResponses.SERVICE_UNAVAILABLE,
                        ProblemResponses.INTERNAL_ERROR);
        for (String name : responses.keySet()) {
            String content = "components.responses." + name + ".content.'application/problem+json'";
            assertThat(document.getString(content + ".schema.$ref")).as(name).isEqualTo("#/components/schemas/Problem");
            Map<String, Map<String, Object>> examples = document.getMap(content + ".examples");
            assertThat(examples).as(name).isNotEmpty();
            examples.values()
                    .forEach(
                            example -> assertThat(example.get("value")).as(name).isInstanceOf(Map.class));
        }
    }

    @Test
    void statesTheRoleAndTheKeyErrorsOfEachOperation() {
        String admin = "paths.'/api/v1/test-only/access/admin'.post";
        String read = "paths.'/api/v1/test-only/access/read'.get";

        assertThat(document.getString(admin + ".description")).contains("Needs an admin key.");
        assertThat(document.getString(admin + ".responses.'401'.$ref")).isEqualTo(UNAUTHORIZED);
        assertThat(document.getString(admin + ".responses.'403'.$ref")).isEqualTo("#/components/responses/Forbidden");
        assertThat(document.getString(read + ".description")).contains("Needs a bot key or an admin key.");
        assertThat(document.getString(read + ".responses.'401'.$ref")).isEqualTo(UNAUTHORIZED);
        assertThat(document.getMap(read + ".responses"))
                .doesNotContainKey("403")
                .containsKey("500");
    }

    @Test
    void documentsABadRequestProblemForOperationsWithInput() {
        assertThat(document.getString("paths.'/api/v1/test-only/problems/validated'.post.responses.'400'.$ref"))
                .isEqualTo("#/components/responses/BadRequest");
        assertThat(document.getString("paths.'/api/v1/test-only/problems/query'.get.responses.'400'.$ref"))
                .isEqualTo("#/components/responses/BadRequest");
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
