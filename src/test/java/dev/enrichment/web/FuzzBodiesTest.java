package dev.enrichment.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.testsupport.FuzzValues;
import dev.enrichment.testsupport.OpenApiOperations;
import dev.enrichment.testsupport.OpenApiOperations.BodyField;
import dev.enrichment.testsupport.OpenApiOperations.Operation;
import dev.enrichment.testsupport.RawHttp;
import dev.enrichment.testsupport.ResponseHygiene;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every field of every JSON request body in the OpenAPI document, one at a time, with hostile values of every class
 * and JSON type (100 KB strings, lone surrogates, deep nesting, huge numbers), then malformed documents and wrong
 * content types for every such operation: never a 5xx, every 4xx a problem document, no stack trace, SQL or key in
 * any body. Seeded, so a failure repeats.
 */
@QuarkusTest
class FuzzBodiesTest {

    private static final long SEED = 20261205L;
    private static final List<String> KEYS = List.of("test-admin-key", "test-bot-key");
    private static final String SLOT = "__fuzzed__";
    private static final ObjectMapper JSON = new ObjectMapper();
    // RestAssured would otherwise add "; charset=ISO-8859-1" to content types it does not know, or rewrite them.
    private static final RestAssuredConfig AS_IS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private final Outcomes outcomes = new Outcomes();

    @Test
    void noFieldValueBreaksAnOperation() throws JsonProcessingException {
        FuzzValues values = new FuzzValues(SEED);
        List<FuzzValues.JsonValue> hostile = values.jsonValues();
        int failedJobsBefore = jobs("failed");
        // rows other tests left (fixtures written straight to the table) are not this test's to wait for
        Set<String> activeBefore = activeJobIds();
        int fields = 0;
        for (Operation operation : bodyOperations()) {
            for (BodyField field : operation.bodyFields()) {
                fields++;
                for (FuzzValues.JsonValue value : hostile) {
                    if (field.type().equals("boolean") && mayReadAsFalse(value)) {
                        continue; // a dry run must stay one: false would start a live job
                    }
                    Map<String, Object> body = operation.sampleBody();
                    body.put(field.name(), SLOT);
                    String json = JSON.writeValueAsString(body).replace("\"" + SLOT + "\"", value.json());
                    outcomes.check(
                            operation + " " + field.name() + " = " + value.kind(),
                            send(operation, "application/json", json),
                            value.json());
                }
            }
        }

        outcomes.report("[fuzz-bodies] %d fields".formatted(fields));
        assertThat(fields).isGreaterThanOrEqualTo(14);
        assertThat(outcomes.wrong).isEmpty();
        // A 202 is not the end: a job accepted with a value it cannot use fails later, in the background.
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> activeBefore.containsAll(activeJobIds()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("jobs still unfinished after 30 s: " + unfinishedJobs(), e);
        }
        assertThat(jobs("failed")).as("jobs that failed after being accepted").isEqualTo(failedJobsBefore);
    }

    @Test
    void noMalformedDocumentOrWrongContentTypeBreaksAnOperation() throws JsonProcessingException {
        List<Operation> operations = bodyOperations();
        for (Operation operation : operations) {
            for (FuzzValues.Value body : FuzzValues.malformedBodies()) {
                outcomes.check(
                        operation + " malformed " + body.kind(),
                        sendAsIs(operation, "application/json", body.text()),
                        body.text());
            }
            String valid = JSON.writeValueAsString(operation.sampleBody());
            for (String contentType : FuzzValues.wrongContentTypes()) {
                outcomes.check(operation + " as '" + contentType + "'", sendAsIs(operation, contentType, valid), valid);
            }
        }

        outcomes.report(
                "[fuzz-bodies] malformed documents and content types on %d operations".formatted(operations.size()));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(3);
        assertThat(outcomes.wrong).isEmpty();
    }

    private static Set<String> activeJobIds() {
        Set<String> ids = new HashSet<>();
        for (String status : List.of("queued", "running")) {
            ids.addAll(given().header("Authorization", "Bearer test-admin-key")
                    .queryParam("status", status)
                    .get("/api/v1/admin/jobs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("id", String.class));
        }
        return ids;
    }

    private static String unfinishedJobs() {
        return given().header("Authorization", "Bearer test-admin-key")
                        .queryParam("status", "queued")
                        .get("/api/v1/admin/jobs")
                        .asString()
                + " "
                + given().header("Authorization", "Bearer test-admin-key")
                        .queryParam("status", "running")
                        .get("/api/v1/admin/jobs")
                        .asString();
    }

    private static int jobs(String status) {
        return given().header("Authorization", "Bearer test-admin-key")
                .queryParam("status", status)
                .get("/api/v1/admin/jobs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    private static List<Operation> bodyOperations() {
        return OpenApiOperations.read().stream()
                .filter(operation -> !operation.isTestOnly() && operation.hasBody())
                .toList();
    }

    /** Byte for byte: HTTP clients rewrite or refuse odd content types and encode form bodies. */
    private static RawHttp.Answer sendAsIs(Operation operation, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer test-admin-key");
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        return new RawHttp("localhost", RestAssured.port)
                .send(operation.method().toUpperCase(Locale.ROOT), operation.samplePath(), headers, body);
    }

    private static Response send(Operation operation, String contentType, String body) {
        var request = given().config(AS_IS).header("Authorization", "Bearer test-admin-key");
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return request.body(body.getBytes(StandardCharsets.UTF_8)).request(operation.method(), operation.samplePath());
    }

    /** Values Jackson may coerce to {@code false} (0, "0", "false", empty) or leave to a default (null). */
    private static boolean mayReadAsFalse(FuzzValues.JsonValue value) {
        String bare = value.json().replace("\"", "").strip();
        return bare.isEmpty()
                || bare.equalsIgnoreCase("false")
                || bare.equals("null")
                || bare.matches("[-+]?0*(\\.0*)?(e.*)?");
    }

    /** The cases sent, their statuses, and those that broke a rule. */
    private static final class Outcomes {

        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> wrong = new ArrayList<>();
        private int cases;

        void check(String what, Response response, String sent) {
            check(what, response.statusCode(), response.contentType(), response.asString(), sent);
        }

        void check(String what, RawHttp.Answer answer, String sent) {
            check(what, answer.status(), answer.contentType(), answer.body(), sent);
        }

        private void check(String what, int status, String contentType, String body, String sent) {
            cases++;
            statuses.merge(status, 1, Integer::sum);
            List<String> breaches = ResponseHygiene.breaches(status, contentType, body, KEYS, sent);
            if (!breaches.isEmpty()) {
                wrong.add(what + " -> " + status + ": " + breaches + " "
                        + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
        }

        void report(String what) {
            System.out.printf("%s, %d cases (seed %d); statuses %s%n", what, cases, SEED, statuses);
        }
    }
}
