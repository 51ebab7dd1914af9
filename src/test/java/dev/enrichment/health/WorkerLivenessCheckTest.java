package dev.enrichment.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkerLivenessCheckTest {

    @Test
    void isLiveAndSaysWhetherTheWorkerIsScheduled() {
        // tests run cycles themselves (enrichment-cycle.every=off): an unscheduled worker is never stuck
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'worker' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'worker' }.data.scheduled", equalTo(false));
    }
}
