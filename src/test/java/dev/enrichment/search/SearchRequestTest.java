package dev.enrichment.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** With the test profile's default (embeddings off): bad requests are 400s naming the field, search a clear 503. */
@QuarkusTest
class SearchRequestTest {

    @Test
    void answers503SayingWhyWhenEmbeddingsAreOff() {
        asBot().queryParam("q", "travel plans")
                .get("/api/v1/search")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://enrichment.dev/problems/search-unavailable"))
                .body("detail", containsString("EMBEDDINGS_PROVIDER=off"));
    }

    @Test
    void reportsTheStateInTheHealthDetail() {
        given().get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'search' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'search' }.data.state", equalTo("off"));
    }

    @Test
    void refusesAMissingOrEmptyQuery() {
        asBot().get("/api/v1/search").then().statusCode(400).body("fields[0].field", equalTo("q"));
        asBot().queryParam("q", "   ")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("fields[0].field", equalTo("q"));
    }

    @Test
    void refusesAnOverlongOrNonTextQuery() {
        asBot().queryParam("q", "a".repeat(501))
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("fields[0].field", equalTo("q"));
        asBot().queryParam("q", "?!? ...")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("detail", equalTo("q: must contain words"));
    }

    @Test
    void refusesAnUnreadableTimeRange() {
        asBot().queryParam("q", "travel")
                .queryParam("when", "the blue moon")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("fields[0].field", equalTo("when"));
        asBot().queryParam("q", "travel")
                .queryParam("from", "2025-10-01")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("fields[0].field", equalTo("to"));
    }

    @Test
    void refusesAnOutOfRangeLimit() {
        asBot().queryParam("q", "travel")
                .queryParam("limit", 51)
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("fields[0].field", equalTo("limit"));
    }

    private static RequestSpecification asBot() {
        return given().header("X-API-Key", "test-bot-key")
                .queryParam("bot", "elena")
                .queryParam("user_id", "u1");
    }
}
