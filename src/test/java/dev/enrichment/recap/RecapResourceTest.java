package dev.enrichment.recap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.enrichment.testsupport.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class RecapResourceTest {

    /** A Wednesday: "last week" is Monday 2025-10-13 to Monday 2025-10-20 (UTC). */
    private static final String AS_OF = "2025-10-22T12:00:00Z";

    private static final String LAST_WEEK_QUESTION = "hey, what did we talk about last week?";
    private static final Instant DISCOVERED_AT = Instant.parse("2025-10-22T00:00:00Z");

    @Inject
    DataSource dataSource;

    private Sql sql;
    private String bot;
    private String user;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bot = "recapbot-" + suffix;
        user = "rita-" + suffix;
    }

    @Test
    void recapsNeedABotOrAdminKey() {
        given().queryParams(lastWeek()).get("/api/v1/recap").then().statusCode(401);
        asBot().queryParams(lastWeek()).get("/api/v1/recap").then().statusCode(200);
        given().header("Authorization", "Bearer test-admin-key")
                .queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200);
    }

    @Test
    void recapsLastWeekFromASentenceWithSummariesInOrderAndAggregates() {
        summary(day(16), List.of("marine biology", "boats"), "positive", 10);
        summary(day(12), List.of("taxes"), "negative", 30);
        summary(day(19), List.of("boats"), "Positive", 6);
        summary(day(20), List.of("holidays"), "negative", 30);
        summary(day(13), List.of("marine biology", "jobs"), "anxious", 4);
        discovered(DISCOVERED_AT);

        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("bot", equalTo(bot))
                .body("user_id", equalTo(user))
                .body("resolved_range.from", equalTo("2025-10-13T00:00:00Z"))
                .body("resolved_range.to", equalTo("2025-10-20T00:00:00Z"))
                .body("resolved_range.tz", equalTo("UTC"))
                .body("resolved_range.expression", equalTo("last week"))
                .body("status", equalTo("complete"))
                .body("coverage.covered_until", equalTo("2025-10-22T00:00:00Z"))
                .body("coverage.pending_windows", equalTo(0))
                .body(
                        "summaries.start",
                        contains("2025-10-13T00:00:00Z", "2025-10-16T00:00:00Z", "2025-10-19T00:00:00Z"))
                .body("key_topics.topic", contains("boats", "marine biology", "jobs"))
                .body("key_topics.count", contains(2, 2, 1))
                .body("emotional_tone", equalTo("positive"))
                .body("message_count", equalTo(20));
    }

    @Test
    void isEmptyWhenEverythingWasReadAndThereWasNothingToSummarise() {
        summary(day(6), List.of("taxes"), "neutral", 8);
        discovered(DISCOVERED_AT);

        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("status", equalTo("empty"))
                .body("summaries", hasSize(0))
                .body("key_topics", hasSize(0))
                .body("emotional_tone", nullValue())
                .body("message_count", equalTo(0));
    }

    @Test
    void aRangeReachingAsOfIsSettledOnceReadUpToAsOf() {
        discovered(Instant.parse("2025-10-22T12:30:00Z"));

        asBot().queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("when", "so far this week")
                .queryParam("as_of", AS_OF)
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_range.from", equalTo("2025-10-20T00:00:00Z"))
                .body("status", equalTo("empty"));
    }

    @Test
    void isPendingWhenTheBotWasNeverRead() {
        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("status", equalTo("pending"))
                .body("coverage.covered_until", nullValue());
    }

    @Test
    void isPendingWhenAWindowWaitsForAnalysisAndNothingIsSummarisedYet() {
        discovered(DISCOVERED_AT);
        window(day(15), "pending");

        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("status", equalTo("pending"))
                .body("coverage.pending_windows", equalTo(1));
    }

    @Test
    void isPartialWhenSomeWindowsAreSummarisedAndOthersWait() {
        summary(day(14), List.of("boats"), "positive", 8);
        discovered(DISCOVERED_AT);
        window(day(14), "done");
        window(day(17), "failed");

        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("status", equalTo("partial"))
                .body("coverage.pending_windows", equalTo(1))
                .body("summaries", hasSize(1));
    }

    @Test
    void isPartialWhenDiscoveryHasNotReadTheWholeRangeYet() {
        summary(day(14), List.of("boats"), "positive", 8);
        discovered(Instant.parse("2025-10-17T00:00:00Z"));

        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("status", equalTo("partial"));
    }

    @Test
    void readsTheRangeInTheUsersStoredTimezoneUnlessTzIsGiven() {
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, preferences)
                VALUES (?, ?, CAST(? AS jsonb))""", user, user, "{\"timezone\": {\"value\": \"America/New_York\", \"confidence\": 0.9}}");

        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_range.tz", equalTo("America/New_York"))
                .body("resolved_range.from", equalTo("2025-10-13T04:00:00Z"))
                .body("resolved_range.to", equalTo("2025-10-20T04:00:00Z"));
        asBot().queryParams(lastWeek())
                .queryParam("tz", "Asia/Tokyo")
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_range.tz", equalTo("Asia/Tokyo"))
                .body("resolved_range.from", equalTo("2025-10-12T15:00:00Z"));
    }

    @Test
    void ignoresAStoredTimezoneThatIsNoZone() {
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, preferences)
                VALUES (?, ?, CAST(? AS jsonb))""", user, user, "{\"timezone\": {\"value\": \"Central-ish time\"}}");

        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_range.tz", equalTo("UTC"));
    }

    @Test
    void acceptsAnExplicitRangeOfDatesInTheZone() {
        summary(day(13), List.of("boats"), "positive", 8);

        asBot().queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("from", "2025-10-13")
                .queryParam("to", "2025-10-19")
                .queryParam("tz", "Europe/Berlin")
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_range.from", equalTo("2025-10-12T22:00:00Z"))
                .body("resolved_range.to", equalTo("2025-10-19T22:00:00Z"))
                .body("resolved_range.expression", nullValue())
                .body("summaries", hasSize(1));
    }

    @Test
    void listsTheFactsLearnedWithThisBotInTheRange() {
        sql.update("INSERT INTO universal_users (universal_id, primary_username) VALUES (?, ?)", user, user);
        String octopus = fact("animal", "octopus", "likes");
        String chess = fact("hobby", "chess", "plays");
        String tea = fact("food", "tea", "drinks");
        String coffee = fact("food", "coffee", "drinks");
        history(octopus, bot, "created", day(15));
        history(octopus, bot, "confirmed", day(18));
        history(chess, bot, "created", day(5));
        history(tea, "someone-else", "created", day(15));
        history(coffee, bot, "superseded", day(16));

        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("facts_learned.id", contains(octopus))
                .body("facts_learned[0].entity", equalTo("octopus-" + bot))
                .body("facts_learned[0].entity_type", equalTo("animal"))
                .body("facts_learned[0].relationship", equalTo("likes"))
                .body("facts_learned[0].confidence", equalTo(0.8f))
                .body("facts_learned[0].change", equalTo("created"))
                .body("facts_learned[0].window_start", equalTo("2025-10-15T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"what were we talking about before?", "''"})
    void aQuestionWithoutATimeAnswersWithTheLatestThreeConversations(String when) {
        for (int day : new int[] {10, 12, 14, 16, 18}) {
            summary(day(day), List.of("topic " + day), "positive", 5);
        }
        summary(day(23), List.of("after as_of"), "positive", 5);
        discovered(DISCOVERED_AT);

        RequestSpecification request =
                asBot().queryParam("bot", bot).queryParam("user_id", user).queryParam("as_of", AS_OF);
        if (!when.isEmpty()) {
            request.queryParam("when", when);
        }
        request.get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_by", equalTo("latest"))
                .body("notice", nullValue())
                .body("summaries.key_topics.flatten()", contains("topic 14", "topic 16", "topic 18"))
                .body("resolved_range.from", equalTo("2025-10-14T00:00:00Z"))
                .body("resolved_range.to", equalTo("2025-10-19T00:00:00Z"))
                .body("status", equalTo("complete"))
                .body("answer", startsWith("On 14 October, a summary. On Thursday, a summary. On Saturday"))
                .body("answer_source", equalTo("extractive"));
    }

    @Test
    void aLongRangeIsToldFromMonthlyRollupsWithDaysForWhatNoRollupCovers() {
        for (int[] day : new int[][] {{7, 3}, {8, 5}, {9, 9}, {10, 2}, {10, 15}}) {
            summary(LocalDateTime.of(2025, day[0], day[1], 0, 0), List.of("day topic"), "positive", 5);
        }
        for (int month = 7; month <= 9; month++) {
            rollup("month", LocalDateTime.of(2025, month, 1, 0, 0), LocalDateTime.of(2025, month + 1, 1, 0, 0));
        }
        // a week wholly inside the range, but a weekly rollup is not what a 113-day range is told from
        rollup("week", LocalDateTime.of(2025, 10, 6, 0, 0), LocalDateTime.of(2025, 10, 13, 0, 0));
        discovered(DISCOVERED_AT);

        asBot().queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("from", "2025-07-01T00:00:00Z")
                .queryParam("to", "2025-10-22T00:00:00Z")
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("summaries.granularity", contains("month", "month", "month", "day", "day"))
                .body(
                        "summaries.start",
                        contains(
                                "2025-07-01T00:00:00Z",
                                "2025-08-01T00:00:00Z",
                                "2025-09-01T00:00:00Z",
                                "2025-10-02T00:00:00Z",
                                "2025-10-15T00:00:00Z"));
        // a short range stays with its days
        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("summaries.granularity", contains("day"));
    }

    @Test
    void saysHowEveryRangeWasDecided() {
        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_by", equalTo("rule"));
        asBot().queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("from", "2025-10-01")
                .queryParam("to", "2025-10-05")
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_by", equalTo("explicit"))
                .body("resolved_range.expression", nullValue());
    }

    @Test
    void anAnswerWithoutSummariesTellsNotTalkingFromNotProcessed() {
        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("status", equalTo("pending"))
                .body("answer", containsString("not gone through"));
        discovered(DISCOVERED_AT);
        asBot().queryParams(lastWeek())
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("status", equalTo("empty"))
                .body("answer", equalTo("We did not talk then."));
    }

    @Test
    void aPhraseTheRulesCannotReadAnswersWithTheLatestConversationsAndSaysWhy() {
        // without an LLM fallback (off in tests), the latest conversations, never a 400 a bot cannot show
        asBot().queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("when", "what did we talk about at 3pm?")
                .queryParam("as_of", AS_OF)
                .get("/api/v1/recap")
                .then()
                .statusCode(200)
                .body("resolved_by", equalTo("latest"))
                .body("notice", containsString("at 3pm"))
                .body("answer", notNullValue());
    }

    @Test
    void refusesARangeOfMoreThan366Days() {
        asBot().queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("from", "2024-01-01T00:00:00Z")
                .queryParam("to", "2025-01-02T00:00:01Z")
                .get("/api/v1/recap")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo("to"));
        asBot().queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("from", "2024-01-01T00:00:00Z")
                .queryParam("to", "2025-01-01T00:00:00Z")
                .get("/api/v1/recap")
                .then()
                .statusCode(200);
        asBot().queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("when", "what did we talk about in the last 400 days?")
                .queryParam("as_of", AS_OF)
                .get("/api/v1/recap")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo("when"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "user_id=u&when=yesterday | bot",
                "bot=b&when=yesterday | user_id",
                "bot=b&user_id=u&when=yesterday&from=2025-10-01 | when",
                "bot=b&user_id=u&from=2025-10-01 | to",
                "bot=b&user_id=u&to=2025-10-01 | from",
                "bot=b&user_id=u&from=2025-10-05&to=2025-10-01 | from",
                "bot=b&user_id=u&from=October&to=2025-10-01 | from",
                "bot=b&user_id=u&when=yesterday&tz=Mars/Olympus_Mons | tz",
                "bot=b&user_id=u&when=yesterday&as_of=noon | as_of"
            })
    void refusesAnInvalidRequestNamingTheField(String query, String field) {
        RequestSpecification request = asBot();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            request.queryParam(kv[0], kv[1]);
        }
        request.get("/api/v1/recap")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo(field));
    }

    private Map<String, String> lastWeek() {
        return Map.of("bot", bot, "user_id", user, "when", LAST_WEEK_QUESTION, "as_of", AS_OF);
    }

    private static LocalDateTime day(int dayOfOctober) {
        return LocalDateTime.of(2025, 10, dayOfOctober, 0, 0);
    }

    private void summary(LocalDateTime start, List<String> topics, String tone, int messages) {
        sql.update("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, start_timestamp, end_timestamp,
                    message_count, key_topics, emotional_tone, confidence_score)
                VALUES (?, ?, 'A summary.', ?, ?, ?, string_to_array(?, '|')::varchar[], ?, 0.9)""", user, bot, start, start.plusDays(1), messages, String.join("|", topics), tone);
    }

    private void rollup(String granularity, LocalDateTime start, LocalDateTime end) {
        sql.update("""
                INSERT INTO enrichment_summary_rollups (bot_name, user_id, granularity, period_start, period_end,
                    summary_text, summary_type, message_count, key_topics, emotional_tone, confidence_score,
                    enrichment_version, source_summary_ids, source_revisions, source_fingerprint)
                VALUES (?, ?, ?, ?, ?, 'A rollup.', ?, 50, ARRAY['rolled up'], 'positive', 0.8, '1', '{}', '{}', 'x')""", bot, user, granularity, utc(start), utc(end), granularity + "ly_rollup");
    }

    private void discovered(Instant at) {
        sql.update("""
                INSERT INTO enrichment_discovery_cursors (collection_name, bot_name, cursor_at, updated_at)
                VALUES (?, ?, ?, ?)""", "whisperengine_memory_" + bot, bot, Timestamp.from(at), Timestamp.from(at));
    }

    private void window(LocalDateTime start, String status) {
        sql.update("""
                INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status)
                VALUES (?, ?, ?, ?, ?)""", bot, user, utc(start), utc(start.plusDays(1)), status);
    }

    private String fact(String type, String name, String relationship) {
        sql.update("INSERT INTO fact_entities (entity_type, entity_name) VALUES (?, ?)", type, name + "-" + bot);
        return sql.value("""
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence)
                SELECT ?, id, ?, 0.8 FROM fact_entities WHERE entity_type = ? AND entity_name = ?
                RETURNING CAST(id AS text)""", user, relationship, type, name + "-" + bot).toString();
    }

    private void history(String relationshipId, String botName, String change, LocalDateTime windowStart) {
        sql.update("""
                INSERT INTO enrichment_fact_history (relationship_id, user_id, bot_name, entity_type, entity_name,
                    relationship_type, change, window_start, window_end)
                VALUES (CAST(? AS uuid), ?, ?, 'any', 'any', 'any', ?, ?, ?)""", relationshipId, user, botName, change, utc(windowStart), utc(windowStart.plusDays(1)));
    }

    private static Timestamp utc(LocalDateTime naiveUtc) {
        return Timestamp.from(naiveUtc.toInstant(ZoneOffset.UTC));
    }

    private static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key");
    }
}
