package dev.enrichment.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.FuzzValues;
import dev.enrichment.testsupport.OpenApiOperations;
import dev.enrichment.testsupport.OpenApiOperations.Operation;
import dev.enrichment.testsupport.OpenApiOperations.Parameter;
import dev.enrichment.testsupport.ResponseHygiene;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every parameter of every operation in the OpenAPI document, one at a time, with hostile values of every class
 * (random text, long and unicode text, SQL, path traversal, header injection, templates, out-of-range numbers and
 * times), the others at valid values: never a 5xx, every 4xx a problem document, no stack trace, SQL or key in any
 * body. Seeded, so a failure repeats.
 */
@QuarkusTest
class FuzzParametersTest {

    private static final long SEED = 20261204L;
    private static final List<String> KEYS = List.of("test-admin-key", "test-bot-key");
    // A request line Vert.x accepts is at most quarkus.http.limits.max-initial-line-length (4096) long; longer ones
    // are refused before the application (see PreApplicationErrorsTest).
    private static final int LONGEST_IN_A_URL = 3000;

    @Test
    void noParameterValueBreaksAnOperation() {
        FuzzValues values = new FuzzValues(SEED);
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int parameters = 0;
        int cases = 0;
        for (Operation operation : OpenApiOperations.read()) {
            if (operation.isTestOnly()) {
                continue;
            }
            for (Parameter parameter : operation.parameters()) {
                parameters++;
                for (FuzzValues.Value value : values.texts(LONGEST_IN_A_URL)) {
                    Response response = send(operation, parameter.name(), value.text());
                    cases++;
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    List<String> breaches = ResponseHygiene.breaches(
                            response.statusCode(), response.contentType(), response.asString(), KEYS, value.text());
                    if (!breaches.isEmpty()) {
                        wrong.add(operation + " " + parameter.name() + " = " + value.kind() + " '" + abbreviate(value)
                                + "' -> " + response.statusCode() + ": " + breaches + " " + abbreviate(response));
                    }
                }
            }
        }

        System.out.printf(
                "[fuzz-parameters] %d parameters, %d cases (seed %d); statuses %s%n",
                parameters, cases, SEED, statuses);
        assertThat(cases).isGreaterThan(1000);
        assertThat(wrong).isEmpty();
    }

    /** The URL is encoded here: RestAssured would read {@code {...}} in a value as a template. */
    private static Response send(Operation operation, String underTest, String value) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            boolean fuzzed = parameter.name().equals(underTest);
            String text = encode(fuzzed ? value : parameter.sample());
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", text);
            } else if (parameter.in().equals("query") && (fuzzed || parameter.required())) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(parameter.name())
                        .append('=')
                        .append(text);
            }
        }
        RequestSpecification request =
                given().header("Authorization", "Bearer test-admin-key").urlEncodingEnabled(false);
        if (operation.hasBody()) {
            request.contentType("application/json").body(operation.sampleBody());
        }
        return request.request(operation.method(), path + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(FuzzValues.Value value) {
        return value.text().length() > 60 ? value.text().substring(0, 60) + "…" : value.text();
    }

    private static String abbreviate(Response response) {
        String body = response.asString();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
