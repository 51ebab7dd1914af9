package dev.enrichment.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** The key matrix over HTTP, with the test profile's keys ({@code test-admin-key}, {@code test-bot-key}). */
@QuarkusTest
class ApiKeyFilterTest {

    private static final String READ = "/api/v1/test-only/access/read";
    private static final String ADMIN = "/api/v1/test-only/access/admin";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void refusesARequestWithoutAKeyWith401ProblemAndBearerChallenge() {
        given().when()
                .get(READ)
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://enrichment.dev/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", containsString("API key is required"))
                .body("instance", equalTo(READ));
    }

    @Test
    void refusesAnUnknownKeyWith401() {
        given().header("Authorization", "Bearer not-a-key")
                .when()
                .get(READ)
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", equalTo("the API key is not valid"));
    }

    @Test
    void refusesAnEmptyBearerAsMissing() {
        given().header("Authorization", "Bearer   ")
                .when()
                .get(READ)
                .then()
                .statusCode(401)
                .body("detail", containsString("API key is required"));
    }

    @Test
    void letsABotKeyRead() {
        bearer("test-bot-key").get(READ).then().statusCode(200).body(equalTo("BOT"));
    }

    @Test
    void refusesABotKeyOnAnAdminOperationWith403() {
        ValidatableResponse response = bearer("test-bot-key").post(ADMIN).then();

        response.statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://enrichment.dev/problems/forbidden"))
                .body("status", equalTo(403))
                .body("detail", equalTo("this operation needs an admin key"));
    }

    @Test
    void letsAnAdminKeyDoEverything() {
        bearer("test-admin-key").get(READ).then().statusCode(200).body(equalTo("ADMIN"));
        bearer("test-admin-key").post(ADMIN).then().statusCode(200).body(equalTo("done"));
    }

    @Test
    void acceptsTheKeyInXApiKey() {
        given().header("X-API-Key", "test-admin-key").when().post(ADMIN).then().statusCode(200);
        given().header("X-API-Key", "test-bot-key").when().post(ADMIN).then().statusCode(403);
    }

    @Test
    void readsTheBearerSchemeCaseInsensitivelyAndTrimsTheKey() {
        given().header("Authorization", "bearer test-bot-key")
                .when()
                .get(READ)
                .then()
                .statusCode(200);
        given().header("Authorization", "BEARER   test-bot-key  ")
                .when()
                .get(READ)
                .then()
                .statusCode(200);
    }

    @Test
    void doesNotAcceptAKeyThatOnlyStartsLikeAValidOne() {
        bearer("test-bot-key-and-more").get(READ).then().statusCode(401);
        bearer("test-bot-ke").get(READ).then().statusCode(401);
        bearer("TEST-BOT-KEY").get(READ).then().statusCode(401);
    }

    @Test
    void letsTheMethodAnnotationOverrideTheClassAnnotation() {
        bearer("test-bot-key").get("/api/v1/test-only/admin-class").then().statusCode(403);
        bearer("test-bot-key")
                .get("/api/v1/test-only/admin-class/readable")
                .then()
                .statusCode(200);
        bearer("test-admin-key").get("/api/v1/test-only/admin-class").then().statusCode(200);
    }

    @Test
    void closesAnEndpointWithoutAccessRuleEvenToAdmins() {
        given().when().get("/api/v1/test-only/unannotated").then().statusCode(401);
        bearer("test-admin-key")
                .get("/api/v1/test-only/unannotated")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("declares no access rule"));
    }

    @Test
    void servesHealthMetricsAndOpenApiWithoutAKey() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification bearer(String key) {
        return given().header("Authorization", "Bearer " + key).when();
    }
}
