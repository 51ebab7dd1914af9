package dev.enrichment.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.OpenApiOperations;
import dev.enrichment.testsupport.OpenApiOperations.BodyField;
import dev.enrichment.testsupport.OpenApiOperations.Operation;
import dev.enrichment.testsupport.OpenApiOperations.Parameter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every text parameter and every text field of a JSON request body, of every operation in the OpenAPI document, sent
 * with a NUL character (which PostgreSQL text cannot hold): each is a 400 naming the parameter or field, never a 5xx.
 * Generated from the document, so a new endpoint is covered without a new test.
 */
@QuarkusTest
class ControlCharacterParametersTest {

    private static final String NUL = "a\u0000b";

    @Test
    void aControlCharacterInAnyTextParameterIsA400NamingIt() {
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : OpenApiOperations.read()) {
            for (Parameter parameter : operation.parameters()) {
                if (!parameter.isText()) {
                    continue;
                }
                Response response = send(operation, parameter.name());
                String where = operation + " " + parameter.name();
                checked.add(where);
                if (!isA400Naming(response, parameter.name())) {
                    wrong.add(where + " -> " + response.statusCode() + " " + response.asString());
                }
            }
        }

        System.out.printf("[nul-parameters] %d text parameters checked%n", checked.size());
        assertThat(checked).hasSizeGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aControlCharacterInAnyJsonBodyFieldIsA400NamingIt() {
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : OpenApiOperations.read()) {
            if (operation.isTestOnly()) {
                continue;
            }
            for (BodyField field : operation.bodyFields()) {
                if (!field.holdsText()) {
                    continue;
                }
                Map<String, Object> body = operation.sampleBody();
                body.put(field.name(), field.isArray() ? List.of("elena", NUL) : NUL);
                Response response = admin().contentType("application/json")
                        .body(body)
                        .request(operation.method(), operation.samplePath());
                String where = operation + " " + field.name();
                checked.add(where);
                if (!isA400Naming(response, field.name())) {
                    wrong.add(where + " -> " + response.statusCode() + " " + response.asString());
                }
            }
        }

        System.out.printf("[nul-body-fields] %d text body fields checked%n", checked.size());
        // the three job requests: bots, bots, and bot, user_id, summary_type, enrichment_version_below
        assertThat(checked).hasSizeGreaterThanOrEqualTo(6);
        assertThat(wrong).isEmpty();
    }

    private static boolean isA400Naming(Response response, String name) {
        return response.statusCode() == 400
                && response.contentType().startsWith("application/problem+json")
                && response.jsonPath().getList("fields.field", String.class).stream()
                        .anyMatch(field -> field.equals(name) || field.startsWith(name + "["));
    }

    private static Response send(Operation operation, String underTest) {
        RequestSpecification request = admin().urlEncodingEnabled(true);
        for (Parameter parameter : operation.parameters()) {
            String value = parameter.name().equals(underTest) ? NUL : parameter.sample();
            if (parameter.in().equals("path")) {
                request.pathParam(parameter.name(), value);
            } else if (parameter.in().equals("query") && (parameter.name().equals(underTest) || parameter.required())) {
                request.queryParam(parameter.name(), value);
            }
        }
        if (operation.hasBody()) {
            request.contentType("application/json").body(operation.sampleBody());
        }
        return request.request(operation.method(), operation.path());
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-key");
    }
}
