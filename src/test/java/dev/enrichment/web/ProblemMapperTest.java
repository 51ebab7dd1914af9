package dev.enrichment.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Every failure leaves as application/problem+json from the one mapper, without class names or stack traces. */
@QuarkusTest
class ProblemMapperTest {

    private static final String BASE = "/api/v1/test-only/problems/";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://enrichment.dev/problems/";
    private static final String INTERNAL_ERROR_LOG = "Internal error ";

    @Test
    void mapsApiProblemToItsStatusTitleAndDetail() {
        Response response = asBot().get(BASE + "api-problem/not-found");

        assertProblem(response, 404, "not-found", "Not found");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("no widget 7");
        assertThat(response.jsonPath().getString("instance")).isEqualTo(BASE + "api-problem/not-found");
        assertThat(response.jsonPath().getList("fields")).isNull();
    }

    @Test
    void keepsTheFieldsOfAnApiProblem() {
        Response response = asBot().get(BASE + "api-problem/bad-field");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getString("fields[0].field")).isEqualTo("bot_name");
        assertThat(response.jsonPath().getString("fields[0].message")).isEqualTo("unknown bot");
    }

    @Test
    void usesAboutBlankForAStatusWithoutAProblemTypeOfItsOwn() {
        Response response = asBot().get(BASE + "gone");

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.jsonPath().getString("type")).isEqualTo("about:blank");
        assertThat(response.jsonPath().getString("title")).isEqualTo("Gone");
    }

    @Test
    void reportsEveryInvalidBodyFieldInSnakeCase() {
        Response response = asBot().contentType(ContentType.JSON)
                .body("{\"user_id\":\" \",\"message_count\":0,\"tags\":[\"ok\",\"\"]}")
                .post(BASE + "validated");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getList("fields.field")).containsExactly("message_count", "tags[1]", "user_id");
        assertThat(response.jsonPath().getString("detail")).contains("user_id: must not be blank");
    }

    @Test
    void reportsAnInvalidQueryParameterAsAField() {
        Response response = asBot().get(BASE + "query?max_results=0");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getList("fields.field")).containsExactly("max_results");
    }

    @Test
    void treatsAnInvalidReturnValueAsAnInternalError() {
        Response response = provokingAnInternalError(() -> asBot().get(BASE + "invalid-return"));

        assertProblem(response, 500, "internal-error", "Internal error");
        assertThat(response.jsonPath().getString("error_id")).isNotBlank();
    }

    @Test
    void reportsMalformedJsonAs400() {
        Response response =
                asBot().contentType(ContentType.JSON).body("{\"user_id\": ").post(BASE + "validated");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("the request body is not valid JSON");
    }

    @Test
    void namesTheBodyFieldOfTheWrongType() {
        Response response = asBot().contentType(ContentType.JSON)
                .body("{\"user_id\":\"u1\",\"message_count\":\"many\"}")
                .post(BASE + "validated");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getList("fields.field")).containsExactly("message_count");
    }

    @Test
    void namesABodyTimeThatIsNotIso8601() {
        Response response = asBot().contentType(ContentType.JSON)
                .body("{\"user_id\":\"u1\",\"message_count\":1,\"window_start\":\"yesterday\"}")
                .post(BASE + "validated");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getList("fields.field")).containsExactly("window_start");
    }

    @Test
    void reportsAQueryParameterThatCannotBeConvertedAs400() {
        Response response = asBot().get(BASE + "query?max_results=lots");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("invalid request parameter");
    }

    @Test
    void namesAQueryParameterOurConverterCannotRead() {
        Response response = asBot().get(BASE + "converted?tz=Mars/Olympus_Mons");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getString("detail"))
                .isEqualTo("tz: 'Mars/Olympus_Mons' is not an IANA time zone such as Europe/Berlin");
        assertThat(response.jsonPath().getList("fields.field")).containsExactly("tz");
    }

    @Test
    void namesABeanParameterOurConverterCannotRead() {
        Response response = asBot().get(BASE + "converted?page_size=many");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("page_size: must be an integer from 1 to 50");
        assertThat(response.jsonPath().getList("fields.field")).containsExactly("page_size");
        assertThat(asBot().get(BASE + "converted?starts_at=soon").jsonPath().getList("fields.field"))
                .containsExactly("starts_at");
    }

    @Test
    void checksAConvertedBeanParameterWithItsConstraints() {
        Response response = asBot().get(BASE + "converted?page_size=51");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getList("fields.field")).containsExactly("page_size");
    }

    @Test
    void readsConvertedParametersAndTakesBlankOnesAsAbsent() {
        Response response = asBot().queryParam("starts_at", "2025-10-18")
                .queryParam("page_size", " 7 ")
                .queryParam("tz", "")
                .get(BASE + "converted");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("user_id"))
                .isEqualTo("TimeParam[instant=null, date=2025-10-18] 7 null");
    }

    @Test
    void reportsAPathParameterThatCannotBeConvertedAs400() {
        Response response = asBot().get(BASE + "things/not-a-uuid");

        assertProblem(response, 400, "invalid-request", "Invalid request");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("invalid request parameter");
    }

    @Test
    void reportsAnUnknownPathAs404Problem() {
        Response response = given().get("/api/v1/no-such-thing");

        assertProblem(response, 404, "not-found", "Not found");
        assertThat(response.jsonPath().getString("instance")).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void reportsAWrongMethodAs405() {
        Response response = asBot().delete(BASE + "cycle-running");

        assertProblem(response, 405, "method-not-allowed", "Method not allowed");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("DELETE is not supported here");
    }

    @Test
    void reportsAnUnsupportedBodyTypeAs415() {
        Response response =
                asBot().contentType(ContentType.XML).body("<thing/>").post(BASE + "validated");

        assertProblem(response, 415, "unsupported-media-type", "Unsupported media type");
    }

    @Test
    void reportsAnUnacceptableResponseTypeAs406() {
        Response response = asBot().accept("text/csv").get(BASE + "cycle-running");

        assertProblem(response, 406, "not-acceptable", "Not acceptable");
    }

    @Test
    void reportsARunningCycleAsConflict() {
        Response response = asBot().get(BASE + "cycle-running");

        assertProblem(response, 409, "conflict", "Conflict");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("an enrichment cycle is already running");
    }

    @Test
    void reportsABusyWindowAsConflict() {
        Response response = asBot().get(BASE + "window-busy");

        assertProblem(response, 409, "conflict", "Conflict");
        assertThat(response.jsonPath().getString("detail")).contains("is being analysed");
    }

    @Test
    void reportsAFailedAnalysisAsLlmUnavailableWithoutItsText() {
        Response response = asBot().get(BASE + "analysis-failed");

        assertProblem(response, 503, "llm-unavailable", "LLM unavailable");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("the LLM is unavailable; try again later");
    }

    @Test
    void reportsAFailedLlmCallAsLlmUnavailable() {
        assertProblem(asBot().get(BASE + "llm-failed"), 503, "llm-unavailable", "LLM unavailable");
    }

    @Test
    void reportsAnUnreadableConversationSourceAs503() {
        Response response = asBot().get(BASE + "source-unavailable");

        assertProblem(response, 503, "conversation-source-unavailable", "Conversation source unavailable");
    }

    @Test
    void reportsAnUnexpectedFailureAs500WithAnErrorIdAndNothingElse() {
        Response response = provokingAnInternalError(() -> asBot().get(BASE + "boom"));

        assertProblem(response, 500, "internal-error", "Internal error");
        String errorId = response.jsonPath().getString("error_id");
        assertThat(errorId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.jsonPath().getString("detail")).contains(errorId);
    }

    @Test
    void logsAnUnexpectedFailureAtErrorWithItsIdAndStackTrace() {
        try (LogCapture log = LogCapture.expecting("dev.enrichment.web", INTERNAL_ERROR_LOG)) {
            String errorId = asBot().get(BASE + "boom").jsonPath().getString("error_id");

            assertThat(log.entries())
                    .filteredOn(entry -> entry.level().intValue() >= Level.SEVERE.intValue())
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.message()).contains(errorId).contains(BASE + "boom");
                        assertThat(entry.stackTrace())
                                .contains("IllegalStateException")
                                .contains("ProblemProbeResource.boom");
                    });
        }
    }

    @Test
    void givesEachInternalErrorItsOwnId() {
        String first = provokingAnInternalError(() -> asBot().get(BASE + "boom"))
                .jsonPath()
                .getString("error_id");
        String second = provokingAnInternalError(() -> asBot().get(BASE + "boom"))
                .jsonPath()
                .getString("error_id");

        assertThat(first).isNotEqualTo(second);
    }

    /** The call, with the mapper's ERROR line and stack trace for it kept off the build log. */
    private static Response provokingAnInternalError(Supplier<Response> call) {
        try (LogCapture log = LogCapture.expecting("dev.enrichment.web", INTERNAL_ERROR_LOG)) {
            return call.get();
        }
    }

    private static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key").when();
    }

    private static void assertProblem(Response response, int status, String slug, String title) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.jsonPath().getString("type")).isEqualTo(TYPES + slug);
        assertThat(response.jsonPath().getString("title")).isEqualTo(title);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertNoInternals(response);
    }

    private static void assertNoInternals(Response response) {
        assertThat(response.asString())
                .doesNotContain("Exception")
                .doesNotContain("at dev.")
                .doesNotContain("java.")
                .doesNotContain(ProblemProbeResource.SECRET);
    }
}
