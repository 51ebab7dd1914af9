package dev.enrichment.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every text parameter of every operation in the OpenAPI document, sent with a NUL character (which PostgreSQL text
 * cannot hold): each is a 400 naming the parameter, never a 5xx. Generated from the document, so a new endpoint is
 * covered without a new test.
 */
@QuarkusTest
class ControlCharacterParametersTest {

    private static final String NUL = "a\u0000b";

    @Test
    void aControlCharacterInAnyTextParameterIsA400NamingIt() {
        JsonPath document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            for (Map<String, Object> parameter : parameters(operation)) {
                if (!isText(parameter)) {
                    continue;
                }
                String name = (String) parameter.get("name");
                Response response = send(method, path, operation, name);
                String where = method.toUpperCase() + " " + path + " " + name;
                checked.add(where);
                if (response.statusCode() != 400
                        || !response.contentType().startsWith("application/problem+json")
                        || !response.asString().contains(name)) {
                    wrong.add(where + " -> " + response.statusCode() + " " + response.asString());
                }
            }
        }));

        System.out.printf("[nul-parameters] %d text parameters checked%n", checked.size());
        assertThat(checked).hasSizeGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aControlCharacterInAJobBodyIsA400NamingTheField() {
        admin().contentType("application/json")
                .body(Map.of("bots", List.of(NUL)))
                .post("/api/v1/admin/jobs/fact-timestamp-backfill")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().contentType("application/json")
                .body(Map.of("bot", NUL))
                .post("/api/v1/admin/jobs/summary-regeneration")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static Response send(String method, String path, Map<String, Object> operation, String underTest) {
        RequestSpecification request = admin().urlEncodingEnabled(true);
        for (Map<String, Object> parameter : parameters(operation)) {
            String name = (String) parameter.get("name");
            String value = name.equals(underTest) ? NUL : sample(parameter);
            if ("path".equals(parameter.get("in"))) {
                request.pathParam(name, value);
            } else if ("query".equals(parameter.get("in")) && (name.equals(underTest) || isRequired(parameter))) {
                request.queryParam(name, value);
            }
        }
        return "post".equals(method) ? request.post(path) : request.get(path);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameters(Map<String, Object> operation) {
        Object parameters = operation.get("parameters");
        return parameters == null ? List.of() : (List<Map<String, Object>>) parameters;
    }

    @SuppressWarnings("unchecked")
    private static boolean isText(Map<String, Object> parameter) {
        Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
        return "string".equals(schema.get("type"))
                && schema.get("enum") == null
                && schema.get("format") == null
                && !"header".equals(parameter.get("in"));
    }

    private static boolean isRequired(Map<String, Object> parameter) {
        return Boolean.TRUE.equals(parameter.get("required"));
    }

    @SuppressWarnings("unchecked")
    private static String sample(Map<String, Object> parameter) {
        Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
        if ("integer".equals(schema.get("type"))) {
            return "1";
        }
        return switch ((String) parameter.get("name")) {
            case "when" -> "yesterday";
            case "id" -> "00000000-0000-4000-8000-000000000000";
            default -> "sample";
        };
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-key");
    }
}
