package dev.enrichment.recap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.enrichment.testsupport.Sql;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recaps with the LLM on: its answer paragraph is written once per set of sources, and it reads odd phrases. */
@QuarkusTest
@TestProfile(RecapWithLlmTest.LlmRecaps.class)
class RecapWithLlmTest {

    /** A Wednesday: "last week" is Monday 13 to Monday 20 October 2025. */
    private static final String AS_OF = "2025-10-22T12:00:00Z";

    @Inject
    DataSource dataSource;

    private Sql sql;
    private LlmStubs llm;
    private String bot;
    private String user;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bot = "llmrecap-" + suffix;
        user = "lena-" + suffix;
        LlmWireMockResource.server().resetAll();
        llm = LlmStubs.on(LlmWireMockResource.server());
        Instant discovered = Instant.parse("2025-10-22T00:00:00Z");
        sql.update("""
                INSERT INTO enrichment_discovery_cursors (collection_name, bot_name, cursor_at, updated_at)
                VALUES (?, ?, ?, ?)""", "whisperengine_memory_" + bot, bot, Timestamp.from(discovered), Timestamp.from(discovered));
    }

    @Test
    void writesTheAnswerOnceAndAgainOnlyWhenASummaryChanges() {
        summary(14, "The user talked about boats.");
        summary(16, "The user talked about taxes.");
        llm.willAnswer("On Tuesday you talked about boats, and on Thursday about taxes.");

        lastWeek()
                .then()
                .statusCode(200)
                .body("answer", equalTo("On Tuesday you talked about boats, and on Thursday about taxes."))
                .body("answer_source", equalTo("llm"));
        assertThat(llm.requestCount()).isEqualTo(1);
        String prompt = llm.requestBodies().get(0).toString();
        assertThat(prompt).contains("The user talked about boats.", "The user talked about taxes.", "at most 120");

        lastWeek().then().statusCode(200).body("answer_source", equalTo("llm"));
        lastWeek().then().statusCode(200).body("answer_source", equalTo("llm"));
        assertThat(llm.requestCount()).as("a cached answer costs no call").isEqualTo(1);

        sql.update("""
                UPDATE conversation_summaries SET summary_text = 'The user talked about sailing.',
                       updated_at = updated_at + interval '1 hour'
                 WHERE bot_name = ? AND user_id = ? AND start_timestamp = ?""", bot, user, LocalDateTime.of(2025, 10, 14, 0, 0));
        lastWeek().then().statusCode(200);
        assertThat(llm.requestCount())
                .as("a changed summary refreshes the answer")
                .isEqualTo(2);
        assertThat(llm.requestBodies().get(1).toString()).contains("sailing");
        assertThat(sql.value("SELECT count(*) FROM enrichment_recap_answers WHERE bot_name = ?", bot))
                .as("the replaced answer is gone")
                .isEqualTo(1L);
    }

    @Test
    void answersFromTheSummariesWhenTheLlmFails() {
        summary(14, "The user talked about boats.");
        llm.willReturn(LlmStubs.error(401, "invalid key"));

        lastWeek()
                .then()
                .statusCode(200)
                .body("answer", equalTo("On 14 October, you talked about boats. The mood was positive."))
                .body("answer_source", equalTo("extractive"));
        assertThat(sql.value("SELECT count(*) FROM enrichment_recap_answers WHERE bot_name = ?", bot))
                .isEqualTo(0L);
    }

    @Test
    void asksTheLlmForAPhraseTheRulesCannotReadOnceADay() {
        llm.willAnswer("{\"from\": \"2025-10-21T15:00\", \"to\": \"2025-10-21T16:00\"}");

        recap("what did we talk about at 3pm yesterday?")
                .then()
                .statusCode(200)
                .body("resolved_by", equalTo("llm"))
                .body("resolved_range.from", equalTo("2025-10-21T15:00:00Z"))
                .body("resolved_range.to", equalTo("2025-10-21T16:00:00Z"))
                .body("resolved_range.expression", equalTo("what did we talk about at 3pm yesterday?"));
        recap("What did we talk about at 3pm yesterday?").then().statusCode(200).body("resolved_by", equalTo("llm"));
        assertThat(llm.requestCount()).isEqualTo(1);
        assertThat(llm.requestBodies().get(0).toString()).contains("2025-10-22T12:00", "Wednesday");
    }

    @Test
    void fallsBackToTheLatestConversationsWhenTheLlmCannotPlaceThePhraseEither() {
        llm.willAnswer("{\"none\": true}");
        recap("what did we say at noon on a rainy day?").then().statusCode(200).body("resolved_by", equalTo("latest"));

        // a range after as_of is not a past conversation
        llm.willAnswer("{\"from\": \"2025-10-23T15:00\", \"to\": \"2025-10-23T16:00\"}");
        recap("what did we say at 3pm on the day after tomorrow's eve?")
                .then()
                .statusCode(200)
                .body("resolved_by", equalTo("latest"));
    }

    private io.restassured.response.Response lastWeek() {
        return recap("what did we talk about last week?");
    }

    private io.restassured.response.Response recap(String when) {
        RequestSpecification request = given().header("Authorization", "Bearer test-bot-key")
                .queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("when", when)
                .queryParam("as_of", AS_OF);
        return request.get("/api/v1/recap");
    }

    private void summary(int dayOfOctober, String text) {
        LocalDateTime start = LocalDateTime.of(2025, 10, dayOfOctober, 0, 0);
        sql.update("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, start_timestamp, end_timestamp,
                    message_count, key_topics, emotional_tone, confidence_score)
                VALUES (?, ?, ?, ?, ?, 12, ARRAY['talk']::varchar[], 'positive', 0.9)""", user, bot, text, start, start.plusDays(1));
    }

    public static class LlmRecaps implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recap.llm-fallback", "true", "recap.answer-llm", "true");
        }
    }
}
