package dev.enrichment.fact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.enrichment.testsupport.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FactResourceTest {

    @Inject
    DataSource dataSource;

    private Sql sql;
    private String user;
    private String suffix;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        user = "fact-user-" + suffix;
        sql.update("INSERT INTO universal_users (universal_id, primary_username) VALUES (?, ?)", user, "u" + suffix);
    }

    @Test
    void readingFactsNeedsABotOrAdminKey() {
        fact("food", "pizza", "likes", 0.9, "elena", "2025-10-19 02:00:00");
        String path = "/api/v1/users/" + user + "/facts";

        given().get(path).then().statusCode(401);
        asBot().get(path).then().statusCode(200).body("items", hasSize(1));
        given().header("Authorization", "Bearer test-admin-key")
                .get(path)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void listsFactsWithTheirSourceMostConfidentFirstAndNeverMarkers() {
        String pizza = fact("food", "pizza", "likes", 0.9, "elena", "2025-10-19 02:00:00");
        String sailing = fact("hobby", "sailing", "enjoys", 0.7, "marcus", "2025-10-20 02:00:00");
        String sushi = fact("food", "sushi", "dislikes", 0.7, "elena", "2025-10-21 02:00:00");
        marker("_processing_marker", "elena_" + user + "_fact", "_enrichment_fact_marker");
        marker("_processing_marker", "elena_" + user + "_preference", "_enrichment_preference_marker");
        marker("other", "elena_" + user, "_enrichment_progress_marker");

        asBot().get("/api/v1/users/{user}/facts", user)
                .then()
                .statusCode(200)
                .body("user_id", equalTo(user))
                .body("items.id", contains(pizza, sushi, sailing))
                .body("items.relationship", everyItem(not(startsWith("_enrichment"))))
                .body("items.entity_type", everyItem(not(equalTo("_processing_marker"))))
                .body("items[0].entity", equalTo("pizza-" + suffix))
                .body("items[0].entity_type", equalTo("food"))
                .body("items[0].relationship", equalTo("likes"))
                .body("items[0].confidence", equalTo(0.9f))
                .body("items[0].bot", equalTo("elena"))
                .body("items[0].latest_message_timestamp", equalTo("2025-10-18T23:23:30.655569Z"))
                .body("items[0].source_message_ids", contains("point-1", "point-2"))
                .body("items[0].updated_at", equalTo("2025-10-19T02:00:00Z"));
    }

    @Test
    void filtersByBotConfidenceEntityTypeAndLimit() {
        String pizza = fact("food", "pizza", "likes", 0.9, "elena", "2025-10-19 02:00:00");
        String sailing = fact("hobby", "sailing", "enjoys", 0.7, "marcus", "2025-10-20 02:00:00");
        String sushi = fact("food", "sushi", "dislikes", 0.4, "elena", "2025-10-21 02:00:00");

        asBot().queryParam("bot", "marcus")
                .get("/api/v1/users/{user}/facts", user)
                .then()
                .body("items.id", contains(sailing));
        asBot().queryParam("min_confidence", "0.7")
                .get("/api/v1/users/{user}/facts", user)
                .then()
                .body("items.id", contains(pizza, sailing));
        asBot().queryParam("entity_type", "food")
                .get("/api/v1/users/{user}/facts", user)
                .then()
                .body("items.id", contains(pizza, sushi));
        asBot().queryParam("limit", "1")
                .get("/api/v1/users/{user}/facts", user)
                .then()
                .body("items.id", contains(pizza));
    }

    @Test
    void aFactWithoutExtractionMetadataHasNoSource() {
        sql.update("INSERT INTO fact_entities (entity_type, entity_name) VALUES ('place', ?)", "Lisbon-" + suffix);
        sql.update("""
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence, updated_at)
                SELECT ?, id, 'visited', 0.7, '2025-10-01 10:00:00' FROM fact_entities WHERE entity_name = ?""", user, "Lisbon-" + suffix);

        asBot().get("/api/v1/users/{user}/facts", user)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].bot", nullValue())
                .body("items[0].latest_message_timestamp", nullValue())
                .body("items[0].source_message_ids", hasSize(0));
    }

    @Test
    void anUnknownUserHasNoFacts() {
        asBot().get("/api/v1/users/{user}/facts", "nobody-" + suffix)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void refusesALimitAboveTheMaximumNamingIt() {
        asBot().queryParam("limit", "501")
                .get("/api/v1/users/{user}/facts", user)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo("limit"));
    }

    @Test
    void refusesAConfidenceOutsideZeroToOneNamingIt() {
        asBot().queryParam("min_confidence", "2")
                .get("/api/v1/users/{user}/facts", user)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("fields[0].field", equalTo("min_confidence"));
    }

    private String fact(
            String type, String name, String relationship, double confidence, String bot, String updatedAt) {
        sql.update(
                "INSERT INTO fact_entities (entity_type, entity_name, category) VALUES (?, ?, ?)",
                type,
                name + "-" + suffix,
                type);
        return sql.value(
                        """
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence,
                    context_metadata, mentioned_by_character, created_at, updated_at)
                SELECT ?, id, ?, ?, CAST(? AS jsonb), ?, CAST(? AS timestamp), CAST(? AS timestamp)
                  FROM fact_entities WHERE entity_type = ? AND entity_name = ?
                RETURNING CAST(id AS text)""",
                        user,
                        relationship,
                        confidence,
                        """
                {"bot_name": "%s", "latest_message_timestamp": "2025-10-18T23:23:30.655569",
                 "source_messages": ["point-1", "point-2"], "extraction_method": "enrichment_service"}""".formatted(bot),
                        bot,
                        updatedAt,
                        updatedAt,
                        type,
                        name + "-" + suffix)
                .toString();
    }

    private void marker(String entityType, String entityName, String relationship) {
        sql.update(
                "INSERT INTO fact_entities (entity_type, entity_name, category) VALUES (?, ?, '_marker')",
                entityType,
                entityName);
        sql.update("""
                INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence,
                    context_metadata)
                SELECT ?, id, ?, 1.0, CAST(? AS jsonb) FROM fact_entities WHERE entity_type = ? AND entity_name = ?""", user, relationship, """
                {"latest_message_timestamp": "2025-10-18T23:23:30", "bot_name": "elena",
                 "marker_type": "enrichment_fact_progress"}""", entityType, entityName);
    }

    private static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key");
    }
}
