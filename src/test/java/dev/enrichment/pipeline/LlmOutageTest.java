package dev.enrichment.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider that refuses or fails every call pauses analysis; the windows wait, untouched, and resume by themselves. */
@QuarkusTest
class LlmOutageTest extends PipelineTestBase {

    private static final String COLLECTION = "whisperengine_memory_elena";

    @Test
    void aWrongKeyLeavesEveryWindowPendingSaysWhyAndResumesOnceTheKeyWorks() {
        seedUsers(List.of("ana", "ben", "cleo", "dan", "eve", "fay"));
        llm.willReturn(LlmStubs.error(401, "No auth credentials found"));

        CycleOutcome refused = cycle.run();

        assertThat(refused.failed()).isZero();
        // the first refusal pauses analysis: only the calls already under way (one per worker) are made
        int refusedCalls = llm.requestCount();
        assertThat(refusedCalls).isBetween(1, 4);
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'pending' AND attempts = 0"))
                .isEqualTo(6);
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'llm' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'llm' }.data.reason", containsString("401"));
        given().header("X-API-Key", "test-admin-key")
                .get("/api/v1/admin/enrichment/status")
                .then()
                .body("llm.paused", equalTo(true))
                .body("llm.refused", equalTo(true));

        // still paused: another cycle costs no call
        cycle.run();
        assertThat(llm.requestCount()).isEqualTo(refusedCalls);

        // the key is fixed; after the pause the next window is a probe, and everything resumes
        LlmWireMockResourceReset.answerNormally(llm);
        clock.advance(LlmOutage.FIRST_PAUSE.plusSeconds(1));
        CycleOutcome resumed = cycle.run();

        assertThat(resumed.analysed()).isEqualTo(6);
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'done'"))
                .isEqualTo(6);
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'llm' }.data.analysis", equalTo("running"));
    }

    @Test
    void anLlmThatFailsEveryCallCostsAFewWindowsOneAttemptEachThenPauses() {
        seedUsers(List.of("ana", "ben", "cleo", "dan", "eve", "fay"));
        llm.willReturn(LlmStubs.serverError(503));

        cycle.run();

        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'failed'"))
                .isZero();
        assertThat(db.count("SELECT coalesce(max(attempts), 0) FROM enrichment_windows"))
                .isLessThanOrEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE attempts = 1"))
                .isLessThanOrEqualTo(LlmOutage.TRANSIENT_RUN + 3);
        assertThat(outage.current().paused()).isTrue();
        // a transient outage pauses the worker but keeps the API ready
        given().get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'llm' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'llm' }.data.analysis", equalTo("paused"));
    }

    private void seedUsers(List<String> users) {
        qdrant.createWhisperEngineCollection(COLLECTION);
        for (String user : users) {
            qdrant.upsert(
                    COLLECTION, bots.conversation(user, naive(NOW.minusSeconds(3 * 3600)), 6, Duration.ofSeconds(20)));
        }
    }

    /** Puts the usual analysis answer back in place of the failures. */
    private static final class LlmWireMockResourceReset {

        static void answerNormally(LlmStubs llm) {
            dev.enrichment.testsupport.llm.LlmWireMockResource.server().resetMappings();
            llm.willAnswer(PipelineFixture.plainAnswer());
        }
    }
}
