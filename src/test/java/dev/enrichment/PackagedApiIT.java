package dev.enrichment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started by Quarkus with the shared test resources (PostgreSQL, the Qdrant double, the WireMock
 * LLM) under the test profile, and called over HTTP only. The start-up checks that must see the environment
 * variables users set stay in {@link PackagedAppStartIT}, since Quarkus hands its launched jar system properties.
 */
@QuarkusIntegrationTest
class PackagedApiIT {

    @Test
    void isReadyWithItsDatabaseAndQdrant() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("qdrant"));
    }

    @Test
    void refusesACallWithoutAKeyAsProblemJson() {
        given().get("/api/v1/summaries?bot=elena&user_id=42")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void answersABotsRecapAndAnAdminsStatus() {
        given().header("X-API-Key", "test-bot-key")
                .queryParam("bot", "elena")
                .queryParam("user_id", "packaged-user")
                .queryParam("when", "yesterday")
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("status", notNullValue())
                .body("resolved_range.from", notNullValue());
        given().header("X-API-Key", "test-admin-key")
                .get("/api/v1/admin/enrichment/status")
                .then()
                .statusCode(200)
                .body("running", notNullValue());
    }

    @Test
    void namesTheBadParameterInA400() {
        given().header("X-API-Key", "test-bot-key")
                .queryParam("bot", "elena")
                .queryParam("user_id", "packaged-user")
                .queryParam("from", "not-a-date")
                .get("/api/v1/summaries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("from"));
    }
}
