package dev.enrichment.context;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.enrichment.testsupport.MutableClock;
import dev.enrichment.testsupport.Sql;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContextResourceTest {

    /** A Wednesday. */
    private static final Instant NOW = Instant.parse("2025-10-22T12:00:00Z");

    private static final LocalDateTime NAIVE_NOW = LocalDateTime.parse("2025-10-22T12:00:00");

    @Inject
    DataSource dataSource;

    private Sql sql;
    private String suffix;
    private String bot;
    private String user;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        bot = "ctxbot-" + suffix;
        user = "ctx-user-" + suffix;
        QuarkusMock.installMockForType(new MutableClock(NOW), Clock.class);
    }

    @Test
    void contextNeedsABotOrAdminKey() {
        String path = "/api/v1/users/" + user + "/context";

        given().queryParam("bot", bot).get(path).then().statusCode(401);
        asBot().queryParam("bot", bot).get(path).then().statusCode(200);
        given().header("Authorization", "Bearer test-admin-key")
                .queryParam("bot", bot)
                .get(path)
                .then()
                .statusCode(200);
    }

    @Test
    void aUserNobodyKnowsGetsAnEmptyBlockNotAnError() {
        context(Map.of())
                .statusCode(200)
                .body("user_id", equalTo(user))
                .body("bot", equalTo(bot))
                .body("max_tokens", equalTo(600))
                .body("estimated_tokens", equalTo(0))
                .body("block", emptyString())
                .body("truncated", equalTo(false))
                .body("parts.preferences.size()", equalTo(0))
                .body("parts.facts", hasSize(0))
                .body("parts.latest_summary", nullValue())
                .body("parts.similar_summaries", hasSize(0));
    }

    @Test
    void listsThePreferredNameFirstEvenOnTheSmallestBudgetAndNeverAMarker() {
        preferences("""
                {"pronouns": {"value": "he/him", "confidence": 0.9},
                 "preferred_name": {"value": "Mark", "confidence": 0.95, "metadata": {"is_explicit": true}},
                 "language": {"value": "German", "confidence": 0.2}}""");
        fact("food", "pizza", "likes", 0.9, bot, days(1));
        marker("_processing_marker", bot + "_" + user + "_fact", "_enrichment_fact_marker");
        marker("other", bot + "_" + user, "_enrichment_progress_marker");

        JsonPath small =
                context(Map.of("max_tokens", "50")).statusCode(200).extract().jsonPath();
        assertThat(small.getString("block")).startsWith("About the user:\n- Preferred name: Mark\n- Pronouns: he/him");
        assertThat(small.getString("block").length()).isLessThanOrEqualTo(200);

        context(Map.of())
                .statusCode(200)
                .body("block", containsString("- likes pizza-" + suffix))
                .body("block", not(containsString("enrichment")))
                .body("block", not(containsString("marker")))
                .body("block", not(containsString("German")))
                .body("parts.preferences.preferred_name.value", equalTo("Mark"))
                .body("parts.preferences.language", nullValue())
                .body("parts.facts.relationship", contains("likes"))
                .body("omitted.facts", equalTo(0));
    }

    @Test
    void scopesFactsToTheBotAsWhisperEngineDoes() {
        String own = fact("food", "sushi", "likes", 0.9, bot, days(1));
        String unclaimed = fact("hobby", "chess", "plays", 0.8, null, days(1));
        fact("drink", "tea", "likes", 0.95, "someone-else", days(1));

        context(Map.of())
                .statusCode(200)
                .body("parts.facts.id", containsInAnyOrder(own, unclaimed))
                .body("block", not(containsString("tea-")));
    }

    @Test
    void ranksFactsByConfidenceTimesRecencyAndFlagsStaleKindsSeenLongAgo() {
        String fresh = fact("food", "ramen", "likes", 0.6, bot, days(1));
        String old = fact("food", "olives", "likes", 0.9, bot, days(200));
        String movedAway = fact("location", "Lisbon", "lives_in", 0.9, bot, days(120));
        String stillThere = fact("occupation", "nurse", "works_as", 0.9, bot, days(10));

        JsonPath body = context(Map.of()).statusCode(200).extract().jsonPath();
        assertThat(body.getList("parts.facts.id")).containsExactly(stillThere, fresh, movedAway, old);
        assertThat(body.getList("parts.facts.possibly_outdated")).containsExactly(false, false, true, false);
        assertThat(body.getString("block"))
                .contains("Known facts:\n- works as nurse-" + suffix + "\n- likes ramen-" + suffix)
                .contains("- lives in Lisbon-" + suffix + " (possibly outdated)");
    }

    @Test
    void addsTheLatestConversationAndThoseLikeTheCurrentMessage() {
        int taxes = summary(5, "We went through the tax forms.", List.of("taxes"));
        int octopus = summary(
                10, "Mark told Elena about an octopus at the aquarium. He wants to go back.", List.of("marine"));
        int latest = summary(20, "They talked about the octopus again and about sailing.", List.of("sailing"));

        context(Map.of("q", "do you remember the octopus?"))
                .statusCode(200)
                .body("parts.latest_summary.id", equalTo(latest))
                .body("parts.similar_summaries.id", contains(octopus))
                .body("parts.similar_summaries[0].score", equalTo(0.5f))
                .body("block", containsString("Last conversation (Monday 20 October):\nThey talked about the octopus"))
                .body(
                        "block",
                        containsString("Related past conversations:\n- Friday 10 October: Mark told Elena about an "
                                + "octopus at the aquarium. He wants to go back."))
                .body("block", not(containsString("tax")));
        context(Map.of("q", "taxes"))
                .statusCode(200)
                .body("parts.similar_summaries.id", contains(taxes))
                .body("parts.similar_summaries[0].score", equalTo(1.0f));
        context(Map.of()).statusCode(200).body("parts.similar_summaries", hasSize(0));
    }

    @Test
    void neverExceedsTheBudgetNeverCutsASentenceAndAlwaysNamesTheUser() {
        Random random = new Random(20251022);
        preferences("""
                {"preferred_name": {"value": "Marguerite", "confidence": 0.9},
                 "pronouns": {"value": "she/her", "confidence": 0.8},
                 "response_length": {"value": "short answers, please", "confidence": 0.7},
                 "topic_preferences": {"value": "oceans, sailing, and long walks on the beach", "confidence": 0.6}}""");
        for (int i = 0; i < 60; i++) {
            fact(
                    TYPES[random.nextInt(TYPES.length)],
                    words(random, 1 + random.nextInt(3)).replace(' ', '-') + i,
                    RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)],
                    0.3 + random.nextInt(70) / 100.0,
                    random.nextInt(4) == 0 ? null : bot,
                    days(random.nextInt(400)));
        }
        marker("_processing_marker", bot + "_" + user + "_preference", "_enrichment_preference_marker");
        List<String> texts = new ArrayList<>();
        for (int day = 1; day <= 21; day++) {
            String text = sentences(random, 1 + random.nextInt(6));
            texts.add(text);
            summary(day, text, List.of(words(random, 1), words(random, 2)));
        }

        for (int maxTokens = 50; maxTokens <= 2000; maxTokens += 39) {
            String q = words(random, 1 + random.nextInt(5));
            JsonPath body = context(Map.of("max_tokens", String.valueOf(maxTokens), "q", q))
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String block = body.getString("block");
            assertThat(block.length()).as("block at %d tokens", maxTokens).isLessThanOrEqualTo(maxTokens * 4);
            assertThat(body.getInt("estimated_tokens")).isLessThanOrEqualTo(maxTokens);
            assertThat(body.getInt("estimated_tokens")).isEqualTo((block.length() + 3) / 4);
            assertThat(block).startsWith("About the user:\n- Preferred name: Marguerite\n");
            assertThat(block).doesNotContain("_enrichment", "_processing_marker");
            List<String> told = new ArrayList<>(body.getList("parts.similar_summaries.summary", String.class));
            if (body.getString("parts.latest_summary.summary") != null) {
                told.add(body.getString("parts.latest_summary.summary"));
            }
            for (String part : told) {
                assertThat(block).contains(part);
                assertThat(texts)
                        .as("'%s' is whole sentences of a stored summary", part)
                        .anyMatch(text -> text.equals(part) || text.startsWith(part + " "));
                assertThat(part).matches("(?s).*[.?!]");
            }
        }
    }

    @Test
    void refusesMaxTokensOutsideItsRangeNamingIt() {
        for (String bad : List.of("49", "4001", "many")) {
            context(Map.of("max_tokens", bad))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("fields[0].field", equalTo("max_tokens"))
                    .body("fields[0].message", startsWith("must be"));
        }
    }

    @Test
    void refusesARequestWithoutABot() {
        asBot().get("/api/v1/users/{user}/context", user)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo("bot"));
    }

    private static final String[] TYPES = {"food", "hobby", "location", "occupation", "pet", "goal"};
    private static final String[] RELATIONSHIPS = {"likes", "enjoys", "lives_in", "works_as", "owns", "plans_to"};
    private static final String[] VOCABULARY = {
        "octopus",
        "sailing",
        "aquarium",
        "tea",
        "garden",
        "music",
        "exam",
        "travel",
        "cat",
        "painting",
        "work",
        "family",
        "rain",
        "coffee",
        "novel",
        "bicycle",
        "piano",
        "harbour",
        "market",
        "weekend"
    };

    private static String words(Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return String.join(" ", words);
    }

    private static String sentences(Random random, int count) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String words = words(random, 3 + random.nextInt(25));
            sentences.add(
                    Character.toUpperCase(words.charAt(0)) + words.substring(1) + (random.nextInt(5) == 0 ? "?" : "."));
        }
        return String.join(" ", sentences);
    }

    private io.restassured.response.ValidatableResponse context(Map<String, String> params) {
        return asBot().queryParam("bot", bot)
                .queryParams(params)
                .get("/api/v1/users/{user}/context", user)
                .then();
    }

    private static LocalDateTime days(int ago) {
        return NAIVE_NOW.minusDays(ago);
    }

    private void preferences(String json) {
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, preferences)
                VALUES (?, ?, CAST(? AS jsonb))
                ON CONFLICT (universal_id) DO UPDATE SET preferences = EXCLUDED.preferences""", user, user, json);
    }

    /** A window summary of 2025-10-{day} (UTC), its id. */
    private int summary(int dayOfOctober, String text, List<String> topics) {
        LocalDateTime start = LocalDateTime.of(2025, 10, dayOfOctober, 0, 0);
        return ((Number) sql.value("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, start_timestamp, end_timestamp,
                    message_count, key_topics, emotional_tone, confidence_score)
                VALUES (?, ?, ?, ?, ?, 10, string_to_array(?, '|')::varchar[], 'neutral', 0.9)
                RETURNING id""", user, bot, text, start, start.plusDays(1), String.join("|", topics)))
                .intValue();
    }

    /** A fact last seen at {@code seen} (its newest source message and its last update), its id. */
    private String fact(
            String type, String name, String relationship, double confidence, String mentionedBy, LocalDateTime seen) {
        knownUser();
        sql.update(
                "INSERT INTO fact_entities (entity_type, entity_name, category) VALUES (?, ?, ?)",
                type,
                name + "-" + suffix,
                type);
        return sql.value(
                        """
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence,
                    context_metadata, mentioned_by_character, created_at, updated_at)
                SELECT ?, id, ?, ?, CAST(? AS jsonb), ?, ?, ?
                  FROM fact_entities WHERE entity_type = ? AND entity_name = ?
                RETURNING CAST(id AS text)""",
                        user,
                        relationship,
                        confidence,
                        "{\"latest_message_timestamp\": \"" + seen + "\"}",
                        mentionedBy,
                        seen,
                        seen,
                        type,
                        name + "-" + suffix)
                .toString();
    }

    private void marker(String entityType, String entityName, String relationship) {
        knownUser();
        sql.update(
                "INSERT INTO fact_entities (entity_type, entity_name, category) VALUES (?, ?, '_marker')",
                entityType,
                entityName);
        sql.update(
                """
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence,
                    context_metadata)
                SELECT ?, id, ?, 1.0, CAST(? AS jsonb) FROM fact_entities WHERE entity_type = ? AND entity_name = ?""",
                user,
                relationship,
                "{\"latest_message_timestamp\": \"2025-10-21T23:23:30\"}",
                entityType,
                entityName);
    }

    private void knownUser() {
        sql.update(
                "INSERT INTO universal_users (universal_id, primary_username) VALUES (?, ?) ON CONFLICT DO NOTHING",
                user,
                user);
    }

    private static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key");
    }
}
