package dev.enrichment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobResourceTest extends JobsTestBase {

    private static final String JOBS = "/api/v1/admin/jobs";
    private static final String BACKFILL = JOBS + "/fact-timestamp-backfill";

    @Test
    void jobsAreAdminOnly() {
        for (String path : List.of(JOBS, JOBS + "/" + UUID.randomUUID())) {
            given().get(path).then().statusCode(401);
            asBot().get(path).then().statusCode(403);
        }
        for (String path :
                List.of(BACKFILL, JOBS + "/summary-regeneration", JOBS + "/" + UUID.randomUUID() + "/cancel")) {
            given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401);
            asBot().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(403);
        }
        asAdmin().get(JOBS).then().statusCode(200);
        assertThat(sql.value("SELECT count(*) FROM enrichment_jobs")).isEqualTo(0L);
    }

    @Test
    void startsADryRunByDefaultAndAnswers202WithLocation() {
        new BackfillScenario(sql, qdrant, points).seed();
        Object checksum = sql.value("SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM user_fact_relationships t");

        String location = asAdmin()
                .contentType(ContentType.JSON)
                .body("{}")
                .post(BACKFILL)
                .then()
                .statusCode(202)
                .header("Location", containsString(JOBS + "/"))
                .body("kind", equalTo(FactTimestampBackfill.KIND))
                .body("dry_run", equalTo(true))
                .body("started_by", equalTo("admin key"))
                .extract()
                .header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        awaitEnd(id);

        asAdmin()
                .get(JOBS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("progress.percent", equalTo(100.0f))
                .body("progress.done", equalTo(39))
                .body("per_bot.elena.would_update", equalTo(2))
                .body("per_bot.dream.skipped_no_collection", equalTo(2))
                .body("counters.would_update", equalTo(19))
                .body("sample", hasSize(19));
        asAdmin()
                .queryParam("kind", FactTimestampBackfill.KIND)
                .queryParam("status", "succeeded")
                .get(JOBS)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id.toString()));
        asAdmin()
                .queryParam("status", "running")
                .get(JOBS)
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        asAdmin().queryParam("status", "nonsense").get(JOBS).then().statusCode(400);
        assertThat(sql.value("SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM user_fact_relationships t"))
                .isEqualTo(checksum);
    }

    @Test
    void refusesASecondJobOfTheSameKindWith409() {
        Job queued = store.create(FactTimestampBackfill.KIND, ALL_BOTS, true, "admin key");

        asAdmin()
                .contentType(ContentType.JSON)
                .body("{\"dry_run\": false}")
                .post(BACKFILL)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        String other = asAdmin()
                .contentType(ContentType.JSON)
                .body("{}")
                .post(JOBS + "/summary-regeneration")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        awaitEnd(UUID.fromString(other.substring(other.lastIndexOf('/') + 1)));

        assertThat(sql.value("SELECT count(*) FROM enrichment_jobs WHERE kind = ?", FactTimestampBackfill.KIND))
                .isEqualTo(1L);
        store.finish(queued.id, JobStatus.CANCELLED, null, null);
    }

    @Test
    void cancelsAQueuedJob() {
        Job queued = store.create(FactTimestampBackfill.KIND, ALL_BOTS, false, "admin key");

        asAdmin()
                .post(JOBS + "/" + queued.id + "/cancel")
                .then()
                .statusCode(202)
                .body("cancel_requested", equalTo(true));
        jobs.run(queued.id);

        asAdmin().get(JOBS + "/" + queued.id).then().statusCode(200).body("status", equalTo("cancelled"));
        asAdmin().post(JOBS + "/" + UUID.randomUUID() + "/cancel").then().statusCode(404);
        asAdmin().get(JOBS + "/not-a-uuid").then().statusCode(404);
    }

    private static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key");
    }

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer test-admin-key");
    }
}
