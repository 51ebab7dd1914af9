package dev.enrichment.summary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.enrichment.testsupport.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SummaryResourceTest {

    private static final LocalDateTime OCT_10 = LocalDateTime.of(2025, 10, 10, 0, 0);

    @Inject
    DataSource dataSource;

    private Sql sql;
    private String bot;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        bot = "sumbot-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void readingNeedsAKeyAndRegeneratingAnAdminKey() {
        int id = insert(bot, "ana", OCT_10, "time_window", 0.9);
        for (String path :
                List.of("/api/v1/summaries", "/api/v1/summaries/" + id, "/api/v1/summaries/" + id + "/revisions")) {
            given().get(path).then().statusCode(401);
            given().header("Authorization", "Bearer wrong-key").get(path).then().statusCode(401);
            asBot().get(path).then().statusCode(200);
            asAdmin().get(path).then().statusCode(200);
        }
        given().post("/api/v1/summaries/{id}/regenerate", id).then().statusCode(401);
        asBot().post("/api/v1/summaries/{id}/regenerate", id).then().statusCode(403);
        // past the key check: an admin reaches the regenerator, which knows no such summary
        asAdmin().post("/api/v1/summaries/{id}/regenerate", 987_654_321).then().statusCode(404);
    }

    @Test
    void returnsOneSummaryWithUtcTimes() {
        int id = insert(bot, "ana", LocalDateTime.of(2025, 10, 18, 0, 0), "time_window", 0.85);

        asBot().get("/api/v1/summaries/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("bot", equalTo(bot))
                .body("user_id", equalTo("ana"))
                .body("summary", equalTo("Summary of ana on 2025-10-18T00:00"))
                .body("summary_type", equalTo("time_window"))
                .body("start", equalTo("2025-10-18T00:00:00Z"))
                .body("end", equalTo("2025-10-19T00:00:00Z"))
                .body("message_count", equalTo(12))
                .body("key_topics", contains("fishing", "boats"))
                .body("emotional_tone", equalTo("positive"))
                .body("compression_ratio", equalTo(0.1f))
                .body("confidence", equalTo(0.85f))
                .body("enrichment_version", equalTo("0.1.0"))
                .body("created_at", equalTo("2025-10-19T02:31:40.500001Z"))
                .body("updated_at", equalTo("2025-10-19T03:00:00Z"));
    }

    @Test
    void unknownSummaryIsAProblem404() {
        asBot().get("/api/v1/summaries/{id}", 987_654_321)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asBot().get("/api/v1/summaries/{id}/revisions", 987_654_321)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listsNewestWindowFirstThenHighestId() {
        int middle = insert(bot, "ana", OCT_10.plusDays(1), "time_window", 0.9);
        int oldest = insert(bot, "ana", OCT_10, "time_window", 0.9);
        int newest = insert(bot, "ben", OCT_10.plusDays(2), "time_window", 0.9);
        int sameStartHigherId = insert(bot, "cleo", OCT_10.plusDays(1), "time_window", 0.9);

        asBot().queryParam("bot", bot)
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(newest, sameStartHigherId, middle, oldest))
                .body("next_cursor", nullValue());
    }

    @Test
    void filtersByBotUserTypeConfidenceAndOverlappingRange() {
        String otherBot = bot + "-other";
        int ana10 = insert(bot, "ana", OCT_10, "time_window", 0.9);
        int ana11 = insert(bot, "ana", OCT_10.plusDays(1), "extractive", 0.4);
        int ana12 = insert(bot, "ana", OCT_10.plusDays(2), "time_window", 0.6);
        int ben11 = insert(bot, "ben", OCT_10.plusDays(1), "time_window", 0.9);
        insert(otherBot, "ana", OCT_10.plusDays(1), "time_window", 0.9);

        asBot().queryParam("bot", bot)
                .get("/api/v1/summaries")
                .then()
                .body("items.id", contains(ana12, ben11, ana11, ana10));
        asBot().queryParam("bot", bot)
                .queryParam("user_id", "ana")
                .get("/api/v1/summaries")
                .then()
                .body("items.id", contains(ana12, ana11, ana10));
        asBot().queryParam("bot", bot)
                .queryParam("summary_type", "extractive")
                .get("/api/v1/summaries")
                .then()
                .body("items.id", contains(ana11));
        asBot().queryParam("bot", bot)
                .queryParam("min_confidence", "0.6")
                .get("/api/v1/summaries")
                .then()
                .body("items.id", contains(ana12, ben11, ana10));
        // windows overlapping [Oct 11 12:00, Oct 12 00:00): only the Oct 11 windows
        asBot().queryParam("bot", bot)
                .queryParam("from", "2025-10-11T12:00:00Z")
                .queryParam("to", "2025-10-12T00:00:00Z")
                .get("/api/v1/summaries")
                .then()
                .body("items.id", contains(ben11, ana11));
        // a date as to includes its whole day
        asBot().queryParam("bot", bot)
                .queryParam("from", "2025-10-10")
                .queryParam("to", "2025-10-10")
                .get("/api/v1/summaries")
                .then()
                .body("items.id", contains(ana10));
    }

    @Test
    void readsOffsetsEvenWhenAnUnencodedPlusArrivesAsASpace() {
        int oct10 = insert(bot, "ana", OCT_10, "time_window", 0.9);
        insert(bot, "ana", OCT_10.plusDays(1), "time_window", 0.9);

        // 2025-10-11T01:00+02:00 is 2025-10-10T23:00Z: only the Oct 10 window starts before it
        asBot().queryParam("bot", bot)
                .queryParam("to", "2025-10-11T01:00:00+02:00")
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(oct10));
        asBot().queryParam("bot", bot)
                .queryParam("to", "2025-10-11T01:00:00 02:00")
                .get("/api/v1/summaries")
                .then()
                .statusCode(200)
                .body("items.id", contains(oct10));
    }

    @Test
    void pagesWithAKeysetCursorThatNewerRowsDoNotShift() {
        List<Integer> expected = new ArrayList<>();
        for (int day = 6; day >= 0; day--) {
            expected.add(insert(bot, "ana", OCT_10.plusDays(day), "time_window", 0.9));
        }

        ValidatableResponse first = page(null).body("items", hasSize(3));
        String cursor = first.extract().path("next_cursor");
        // a newer window arrives between two page requests
        insert(bot, "ana", OCT_10.plusDays(30), "time_window", 0.9);
        ValidatableResponse second = page(cursor).body("items", hasSize(3));
        ValidatableResponse third = page(second.extract().path("next_cursor"))
                .body("items", hasSize(1))
                .body("next_cursor", nullValue());

        List<Integer> seen = new ArrayList<>();
        seen.addAll(first.extract().path("items.id"));
        seen.addAll(second.extract().path("items.id"));
        seen.addAll(third.extract().path("items.id"));
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}={1} is refused naming {2}")
    @CsvSource({
        "limit, 501, limit",
        "limit, 0, limit",
        "limit, ten, limit",
        "from, 2025-13-01, from",
        "from, yesterday, from",
        "to, 2025-10-18T25:00:00Z, to",
        "summary_type, weekly, summary_type",
        "min_confidence, 1.5, min_confidence",
        "min_confidence, high, min_confidence",
        "cursor, not-a-cursor, cursor",
        "cursor, czF8bm9wZXww, cursor"
    })
    void refusesAnInvalidParameterNamingIt(String parameter, String value, String field) {
        asBot().queryParam(parameter, value)
                .get("/api/v1/summaries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo(field));
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        asBot().queryParam("from", "2025-10-18T00:00:00Z")
                .queryParam("to", "2025-10-17T00:00:00Z")
                .get("/api/v1/summaries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo("from"));
    }

    @Test
    void listsRevisionsNewestFirstWithTheirProvenanceAndOldContent() {
        int id = insert(bot, "ana", OCT_10, "time_window", 0.9);
        sql.update("""
                INSERT INTO enrichment_summary_revisions (summary_id, summary_text, summary_type, key_topics,
                    emotional_tone, compression_ratio, confidence_score, message_count, enrichment_version, reason,
                    revised_at, model, prompt_version, input_hash)
                VALUES (?, 'First take.', 'extractive', '{fish}', 'neutral', 0.2, 0.5, 8, 'v1.0', 'window re-analysed',
                        '2025-10-11T08:00:00Z', NULL, NULL, NULL),
                       (?, 'Second take.', 'time_window', '{fish,boats}', 'positive', 0.1, 0.8, 10, '0.1.0',
                        'regenerated on request', '2025-10-12T09:30:00Z', 'test/model', 'summary-v1', 'sha256:abc')
                """, id, id);

        asBot().get("/api/v1/summaries/{id}/revisions", id)
                .then()
                .statusCode(200)
                .body("summary_id", equalTo(id))
                .body("items.summary", contains("Second take.", "First take."))
                .body("items[0].reason", equalTo("regenerated on request"))
                .body("items[0].revised_at", equalTo("2025-10-12T09:30:00Z"))
                .body("items[0].model", equalTo("test/model"))
                .body("items[0].prompt_version", equalTo("summary-v1"))
                .body("items[0].input_hash", equalTo("sha256:abc"))
                .body("items[0].key_topics", contains("fish", "boats"))
                .body("items[0].message_count", equalTo(10))
                .body("items[1].model", nullValue())
                .body("items[1].summary_type", equalTo("extractive"));
    }

    @Test
    void aSummaryWithoutRevisionsHasAnEmptyList() {
        int id = insert(bot, "ana", OCT_10, "time_window", 0.9);

        asBot().get("/api/v1/summaries/{id}/revisions", id)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    private ValidatableResponse page(String cursor) {
        RequestSpecification request = asBot().queryParam("bot", bot).queryParam("limit", 3);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/summaries").then().statusCode(200);
    }

    private int insert(String botName, String user, LocalDateTime start, String type, double confidence) {
        return ((Number) sql.value(
                        """
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, summary_type, start_timestamp,
                    end_timestamp, message_count, key_topics, emotional_tone, compression_ratio, confidence_score,
                    enrichment_version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 12, '{fishing,boats}', 'positive', 0.1, ?, '0.1.0',
                        '2025-10-19 02:31:40.500001', '2025-10-19 03:00:00')
                RETURNING id""",
                        user,
                        botName,
                        "Summary of " + user + " on " + start,
                        type,
                        start,
                        start.plusDays(1),
                        confidence))
                .intValue();
    }

    static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key");
    }

    static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer test-admin-key");
    }
}
