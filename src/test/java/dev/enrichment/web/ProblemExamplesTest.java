package dev.enrichment.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented example bodies are the bodies the API really sends. */
@QuarkusTest
class ProblemExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEMS = "/api/v1/test-only/problems/";

    @Test
    void usesOnlyKnownTypesWithTheirTitlesAndStatuses() throws Exception {
        for (String example : allExamples().values()) {
            ObjectNode body = (ObjectNode) JSON.readTree(example);
            ProblemType type = Arrays.stream(ProblemType.values())
                    .filter(t -> t.uri().equals(body.get("type").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("unknown type in " + example));
            assertThat(body.get("title").asText()).as(example).isEqualTo(type.title());
            assertThat(body.get("status").asInt()).as(example).isEqualTo(type.status());
        }
    }

    @Test
    void matchesTheRealResponsesWhoseDetailIsFixed() throws Exception {
        assertSameAsExample(
                given().when().get("/api/v1/test-only/access/read").asString(), ProblemExamples.MISSING_KEY);
        assertSameAsExample(
                given().header("X-API-Key", "nope")
                        .when()
                        .get("/api/v1/test-only/access/read")
                        .asString(),
                ProblemExamples.INVALID_KEY);
        assertSameAsExample(asBot().post("/api/v1/test-only/access/admin").asString(), ProblemExamples.FORBIDDEN);
        assertSameAsExample(asBot().get(PROBLEMS + "cycle-running").asString(), ProblemExamples.CYCLE_RUNNING);
        assertSameAsExample(asBot().get(PROBLEMS + "analysis-failed").asString(), ProblemExamples.LLM_UNAVAILABLE);
        assertSameAsExample(
                asBot().get(PROBLEMS + "source-unavailable").asString(), ProblemExamples.SOURCE_UNAVAILABLE);
        assertSameAsExample(
                asBot().contentType("application/json")
                        .body("{")
                        .post(PROBLEMS + "validated")
                        .asString(),
                ProblemExamples.MALFORMED_BODY);
    }

    private static void assertSameAsExample(String actual, String example) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(actual);
        body.remove("instance");
        assertThat(body).isEqualTo(JSON.readTree(example));
    }

    private static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key").when();
    }

    private static Map<String, String> allExamples() throws IllegalAccessException {
        Map<String, String> examples = new java.util.LinkedHashMap<>();
        for (var field : ProblemExamples.class.getFields()) {
            examples.put(field.getName(), (String) field.get(null));
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
        return examples;
    }
}
