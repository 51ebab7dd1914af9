package dev.enrichment.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadinessTest {

    @AfterEach
    void clearFaults() {
        QdrantTestResource.target().testDouble().ifPresent(QdrantTestDouble::clearFaults);
    }

    @Test
    void isReadyWhenPostgresAndQdrantAnswer() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("qdrant"))
                .body("checks.find { it.name == 'qdrant' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
    }

    @Test
    void isNotReadyAndSaysWhyWhenQdrantFails() {
        assumeTrue(QdrantTestResource.target().isDouble(), "fault injection needs the test double");
        QdrantTestResource.target()
                .testDouble()
                .orElseThrow()
                .failAll(Status.UNAVAILABLE.withDescription("injected outage"));

        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'qdrant' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'qdrant' }.data.error", containsString("injected outage"));
    }

    @Test
    void livenessNeedsNeitherDependency() {
        assumeTrue(QdrantTestResource.target().isDouble(), "fault injection needs the test double");
        QdrantTestResource.target().testDouble().orElseThrow().failAll(Status.UNAVAILABLE);

        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
