package dev.enrichment.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.testsupport.LogCapture;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import io.grpc.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnrichmentAdminResourceTest extends PipelineTestBase {

    private static final String ELENA = "whisperengine_memory_elena_7d";

    @AfterEach
    void letTheCycleFinish() {
        PipelineFixture.qdrant().testDouble().ifPresent(d -> d.clearFaults());
        await().atMost(Duration.ofSeconds(30)).until(() -> !cycle.isRunning());
    }

    @Test
    void everyAdminEndpointNeedsAnAdminKey() {
        given().get("/api/v1/admin/enrichment/status").then().statusCode(401);
        asBot().get("/api/v1/admin/enrichment/status").then().statusCode(403);
        asAdmin().get("/api/v1/admin/enrichment/status").then().statusCode(200);
        for (String path : List.of("/api/v1/admin/enrichment/run", "/api/v1/admin/windows/requeue")) {
            given().post(path).then().statusCode(401);
            given().header("Authorization", "Bearer not-a-key")
                    .post(path)
                    .then()
                    .statusCode(401);
            asBot().post(path).then().statusCode(403);
        }
        asAdmin().post("/api/v1/admin/windows/requeue").then().statusCode(200);
        asAdmin().post("/api/v1/admin/enrichment/run").then().statusCode(202);
    }

    @Test
    void reportsEachBotsCursorLagWindowsAndTheLastCycle() {
        summariseOneWindow();
        insertWindow("elena", "ben", "failed");

        asAdmin()
                .get("/api/v1/admin/enrichment/status")
                .then()
                .statusCode(200)
                .body("running", equalTo(false))
                .body("last_cycle.outcome", equalTo("completed"))
                .body("last_cycle.error", nullValue())
                .body("last_cycle.analysed", equalTo(1))
                .body("last_cycle.failed", equalTo(0))
                .body("last_cycle.duration_ms", greaterThanOrEqualTo(0))
                .body("last_cycle.started_at", equalTo("2025-10-21T01:00:00Z"))
                .body("last_cycle.finished_at", startsWith("2025-10-21T01:00:"))
                .body("bots.bot", contains("elena"))
                .body("bots[0].collections", contains(ELENA))
                .body("bots[0].cursor_at", notNullValue())
                .body("bots[0].lag_seconds", greaterThanOrEqualTo(0))
                .body("bots[0].done_windows", equalTo(1))
                .body("bots[0].failed_windows", equalTo(1))
                .body("bots[0].pending_windows", equalTo(0));
    }

    @Test
    void reportsAFailedCycleAsTheLastCycleWithItsError() {
        assumeTrue(PipelineFixture.qdrant().isDouble(), "fault injection needs the test double");
        summariseOneWindow();
        PipelineFixture.qdrantDouble()
                .failNext("Collections/List", Status.UNAVAILABLE.withDescription("injected outage"), 2);
        double failedBefore = failedCycles();

        try (LogCapture clientErrors = QdrantTestDouble.expectedClientFailures()) {
            assertThat(cycle.run().completed()).isFalse();
            clock.advance(Duration.ofMinutes(11));
            assertThat(cycle.run().completed()).isFalse();
        }

        assertThat(failedCycles() - failedBefore).isEqualTo(2);
        asAdmin()
                .get("/api/v1/admin/enrichment/status")
                .then()
                .statusCode(200)
                .body("last_cycle.outcome", equalTo("failed"))
                .body("last_cycle.error", containsString("cannot list Qdrant collections"))
                .body("last_cycle.error", containsString("injected outage"))
                .body("last_cycle.started_at", equalTo("2025-10-21T01:11:00Z"))
                .body("last_cycle.finished_at", startsWith("2025-10-21T01:11:"))
                .body("last_cycle.duration_ms", greaterThanOrEqualTo(0))
                .body("last_cycle.collections", equalTo(0))
                .body("last_cycle.analysed", equalTo(0));

        clock.advance(Duration.ofMinutes(11));
        assertThat(cycle.run().completed()).isTrue();
        asAdmin()
                .get("/api/v1/admin/enrichment/status")
                .then()
                .body("last_cycle.outcome", equalTo("completed"))
                .body("last_cycle.error", nullValue())
                .body("last_cycle.started_at", equalTo("2025-10-21T01:22:00Z"))
                .body("last_cycle.collections", equalTo(1));
    }

    @Test
    void startsACycleWith202AndRefusesAnotherWhileItRuns() {
        summariseOneWindow();
        // every Qdrant call is slow, so the started cycle is still running at the second request
        PipelineFixture.qdrantDouble().latency(Duration.ofMillis(1500));

        asAdmin()
                .post("/api/v1/admin/enrichment/run")
                .then()
                .statusCode(202)
                .header("Location", endsWith("/api/v1/admin/enrichment/status"))
                .body("status_url", equalTo("/api/v1/admin/enrichment/status"));
        asAdmin().post("/api/v1/admin/enrichment/run").then().statusCode(409).contentType("application/problem+json");
        asAdmin().get("/api/v1/admin/enrichment/status").then().body("running", equalTo(true));

        await().atMost(Duration.ofSeconds(30)).until(() -> !cycle.isRunning());
        PipelineFixture.qdrantDouble().clearFaults();
        asAdmin().post("/api/v1/admin/enrichment/run").then().statusCode(202);
    }

    @Test
    void requeuesFailedWindowsMatchingTheFiltersAndCountsThem() {
        insertWindow("elena", "ana", "failed");
        insertWindow("elena", "ben", "failed");
        insertWindow("marcus", "ana", "failed");
        insertWindow("marcus", "cleo", "done");

        asAdmin()
                .queryParam("bot", "elena")
                .queryParam("user_id", "ana")
                .post("/api/v1/admin/windows/requeue")
                .then()
                .statusCode(200)
                .body("requeued", equalTo(1))
                .body("bot", equalTo("elena"))
                .body("user_id", equalTo("ana"));
        asAdmin()
                .queryParam("bot", "elena")
                .post("/api/v1/admin/windows/requeue")
                .then()
                .body("requeued", equalTo(1));
        asAdmin().post("/api/v1/admin/windows/requeue").then().body("requeued", equalTo(1));
        asAdmin().post("/api/v1/admin/windows/requeue").then().body("requeued", equalTo(0));

        assertThat(db.rows("SELECT bot_name, user_id, status, attempts FROM enrichment_windows ORDER BY 1, 2"))
                .containsExactly(
                        List.of("elena", "ana", "pending", 0),
                        List.of("elena", "ben", "pending", 0),
                        List.of("marcus", "ana", "pending", 0),
                        List.of("marcus", "cleo", "done", 8));
    }

    private void summariseOneWindow() {
        qdrant.createWhisperEngineCollection(ELENA);
        qdrant.upsert(ELENA, bots.conversation("olga", LocalDateTime.of(2025, 10, 18, 9, 0), 6, Duration.ofMinutes(1)));
        assertThat(cycle.run().analysed()).isEqualTo(1);
    }

    /** The enrichment_cycles_total{outcome="failed"} counter as /q/metrics shows it; 0 before the first. */
    private static double failedCycles() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("enrichment_cycles_total{") && line.contains("outcome=\"failed\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private void insertWindow(String bot, String user, String status) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status, attempts)
                VALUES (?1, ?2, '2025-10-15T00:00:00Z', '2025-10-16T00:00:00Z', ?3, 8)""")
                        .setParameter(1, bot)
                        .setParameter(2, user)
                        .setParameter(3, status)
                        .executeUpdate());
    }

    private static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key");
    }

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer test-admin-key");
    }
}
