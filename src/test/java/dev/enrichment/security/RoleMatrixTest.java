package dev.enrichment.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.OpenApiOperations;
import dev.enrichment.testsupport.OpenApiOperations.DeclaredRole;
import dev.enrichment.testsupport.OpenApiOperations.Operation;
import dev.enrichment.testsupport.OpenApiOperations.Parameter;
import dev.enrichment.testsupport.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document against no key, a bot key and an admin key, expecting what the operation's
 * declared role allows; then, for every key an operation refuses, the same operation reached through spellings of
 * its path that a lenient router might map to it ({@code //}, {@code /./}, {@code ..}, {@code ;x=1}, {@code %2F},
 * a trailing slash, other case). A spelling may fail to match, never get further than the canonical path.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String BOT_KEY = "test-bot-key";
    private static final String ADMIN_KEY = "test-admin-key";
    // Refused before any handler ran: the key check (401/403), no route (404/405), or a path Vert.x cannot read (400).
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 405);

    /** A caller: which key it sends, and which declared roles it may use. */
    enum Caller {
        NO_KEY(null),
        BOT(BOT_KEY),
        ADMIN(ADMIN_KEY);

        private final String key;

        Caller(String key) {
            this.key = key;
        }

        boolean mayUse(DeclaredRole role) {
            return switch (role) {
                case BOT -> this != NO_KEY;
                case ADMIN -> this == ADMIN;
                case CLOSED -> false;
            };
        }

        /** 401 without a key; 403 for a key without the role (or on an endpoint closed to every key). */
        int refusal() {
            return this == NO_KEY ? 401 : 403;
        }
    }

    @Test
    void everyOperationAnswersEachKeyAsItsDeclaredRoleSays() {
        List<Operation> operations = OpenApiOperations.read();
        List<String> wrong = new ArrayList<>();
        Map<DeclaredRole, Integer> byRole = new TreeMap<>();
        int requests = 0;
        for (Operation operation : operations) {
            byRole.merge(operation.role(), 1, Integer::sum);
            for (Caller caller : Caller.values()) {
                Response response = send(operation, caller);
                requests++;
                int status = response.statusCode();
                String where = operation + " as " + caller + " (" + operation.role() + ") -> " + status;
                if (caller.mayUse(operation.role())) {
                    if (status == 401 || status == 403) {
                        wrong.add(where + " " + response.asString());
                    }
                } else if (status != caller.refusal()
                        || !response.contentType().startsWith("application/problem+json")
                        || response.jsonPath().getInt("status") != status) {
                    wrong.add(where + ", expected a " + caller.refusal() + " problem: " + response.asString());
                } else if (status == 401 && response.header("WWW-Authenticate") == null) {
                    wrong.add(where + " without WWW-Authenticate");
                }
            }
        }

        System.out.printf(
                "[role-matrix] %d operations (%s) x %d callers = %d requests%n",
                operations.size(), byRole, Caller.values().length, requests);
        assertThat(byRole.keySet()).contains(DeclaredRole.BOT, DeclaredRole.ADMIN, DeclaredRole.CLOSED);
        assertThat(wrong).isEmpty();
    }

    @Test
    void noSpellingOfAPathGetsFurtherThanTheCanonicalPath() {
        RawHttp http = new RawHttp("localhost", RestAssured.port);
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        for (Operation operation : OpenApiOperations.read()) {
            for (Caller caller : Caller.values()) {
                if (caller.mayUse(operation.role())) {
                    continue;
                }
                for (Map.Entry<String, String> variant :
                        spellings(operation.samplePath()).entrySet()) {
                    RawHttp.Answer answer = http.send(
                            operation.method().toUpperCase(Locale.ROOT),
                            variant.getValue() + requiredQuery(operation),
                            headers(caller),
                            operation.hasBody() ? "{}" : null);
                    requests++;
                    statuses.merge(answer.status(), 1, Integer::sum);
                    String where = operation + " as " + caller + " via " + variant.getKey() + " " + variant.getValue()
                            + " -> " + answer.status();
                    if (!REFUSALS.contains(answer.status())) {
                        wrong.add(where + " " + answer.body());
                    } else if (answer.status() != 400 && !answer.isProblem()) {
                        // 400 may come from Vert.x before the application (see PreApplicationErrorsTest)
                        wrong.add(where + " not a problem: " + answer.contentType() + " " + answer.body());
                    }
                }
            }
        }

        System.out.printf("[role-matrix] %d path spellings sent with a refused key; statuses %s%n", requests, statuses);
        assertThat(requests).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    /** Spellings of {@code /api/v1/a/b} that routers have been known to treat as the same path. */
    static Map<String, String> spellings(String path) {
        String[] segments = path.substring(1).split("/");
        String first = "/" + segments[0];
        String afterFirst = path.substring(first.length() + 1);
        String afterPrefix = path.startsWith("/api/v1/") ? path.substring("/api/v1/".length()) : afterFirst;
        int lastSlash = path.lastIndexOf('/');
        Map<String, String> spellings = new LinkedHashMap<>();
        spellings.put("doubled slashes", "/" + String.join("//", segments));
        spellings.put("leading double slash", "/" + path);
        spellings.put("dot segment", first + "/./" + afterFirst);
        spellings.put("dot-dot segment", first + "/x/../" + afterFirst);
        spellings.put("encoded dot-dot", first + "/x/%2e%2e/" + afterFirst);
        spellings.put("dot-dot from a bot path", "/api/v1/summaries/../" + afterPrefix);
        spellings.put("encoded traversal from a bot path", "/api/v1/summaries%2F..%2F" + afterPrefix);
        spellings.put("matrix parameter on the last segment", path + ";x=1");
        spellings.put("matrix parameter on the first segment", first + ";x=1/" + afterFirst);
        spellings.put("encoded last slash", path.substring(0, lastSlash) + "%2F" + path.substring(lastSlash + 1));
        spellings.put("encoded slashes", "/" + String.join("%2F", segments));
        spellings.put("trailing slash", path + "/");
        spellings.put("upper case", path.toUpperCase(Locale.ROOT));
        spellings.put("capitalised prefix", "/API" + path.substring(4));
        spellings.put("backslashes", path.replace('/', '\\'));
        return spellings;
    }

    private static Response send(Operation operation, Caller caller) {
        RequestSpecification request = given().redirects().follow(false);
        if (caller.key != null) {
            request.header("X-API-Key", caller.key);
        }
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && parameter.required()) {
                request.queryParam(parameter.name(), parameter.sample());
            }
        }
        if (operation.hasBody()) {
            request.contentType("application/json").body(operation.sampleBody());
        }
        return request.request(operation.method(), operation.samplePath());
    }

    private static String requiredQuery(Operation operation) {
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && parameter.required()) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(parameter.name())
                        .append('=')
                        .append(parameter.sample());
            }
        }
        return query.toString();
    }

    private static Map<String, String> headers(Caller caller) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (caller.key != null) {
            headers.put("Authorization", "Bearer " + caller.key);
        }
        return headers;
    }
}
