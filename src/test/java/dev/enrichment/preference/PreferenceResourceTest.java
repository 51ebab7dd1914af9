package dev.enrichment.preference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.enrichment.testsupport.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreferenceResourceTest {

    private static final String PREFERENCES = """
            {"preferred_name": {"value": "Mark", "confidence": 0.95, "updated_at": "2025-10-19T02:30:00.123456+00:00",
                                "metadata": {"extraction_method": "enrichment_worker", "is_explicit": true,
                                             "bot_name": "elena"}},
             "communication_style": {"value": "casual", "confidence": 0.8, "updated_at": "2025-10-18T21:00:00",
                                     "metadata": {"detection_method": "regex_pattern", "channel_id": "123"}},
             "timezone": {"value": "Europe/Berlin", "confidence": 0.6, "updated_at": "2025-10-19T02:30:00+00:00",
                          "metadata": {"extraction_method": "enrichment_service", "is_explicit": false,
                                       "bot_name": "marcus"},
                          "previous": {"value": "Europe/London", "confidence": 0.5}},
             "language": "German"}""";

    @Inject
    DataSource dataSource;

    private Sql sql;
    private String user;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        user = "pref-user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void readingPreferencesNeedsABotOrAdminKey() {
        String path = "/api/v1/users/" + user + "/preferences";

        given().get(path).then().statusCode(401);
        asBot().get(path).then().statusCode(200);
        given().header("Authorization", "Bearer test-admin-key")
                .get(path)
                .then()
                .statusCode(200);
    }

    @Test
    void returnsEachPreferenceWithValueConfidenceTimeExplicitnessAndBot() {
        storePreferences(PREFERENCES);

        asBot().get("/api/v1/users/{user}/preferences", user)
                .then()
                .statusCode(200)
                .body("user_id", equalTo(user))
                .body("preferences", aMapWithSize(4))
                .body("preferences.preferred_name.value", equalTo("Mark"))
                .body("preferences.preferred_name.confidence", equalTo(0.95f))
                .body("preferences.preferred_name.updated_at", equalTo("2025-10-19T02:30:00.123456Z"))
                .body("preferences.preferred_name.is_explicit", equalTo(true))
                .body("preferences.preferred_name.bot", equalTo("elena"))
                .body("preferences.preferred_name.source", equalTo("enrichment_worker"))
                .body("preferences.communication_style.is_explicit", equalTo(true))
                .body("preferences.communication_style.source", equalTo("regex_pattern"))
                .body("preferences.communication_style.updated_at", equalTo("2025-10-18T21:00:00Z"))
                .body("preferences.communication_style.bot", nullValue())
                .body("preferences.timezone.value", equalTo("Europe/Berlin"))
                .body("preferences.timezone.is_explicit", equalTo(false))
                .body("preferences.timezone.bot", equalTo("marcus"))
                .body("preferences.language.value", equalTo("German"))
                .body("preferences.language.confidence", nullValue());
    }

    @Test
    void readsPreferencesStoredAsADoubleEncodedJsonString() {
        storePreferences(jsonString("{\"pronouns\": {\"value\": \"they/them\", \"confidence\": 0.9}}"));

        asBot().get("/api/v1/users/{user}/preferences", user)
                .then()
                .statusCode(200)
                .body("preferences.pronouns.value", equalTo("they/them"));
    }

    @Test
    void anUnknownUserHasNoPreferences() {
        asBot().get("/api/v1/users/{user}/preferences", user)
                .then()
                .statusCode(200)
                .body("user_id", equalTo(user))
                .body("preferences", aMapWithSize(0));
    }

    private void storePreferences(String json) {
        sql.update(
                "INSERT INTO universal_users (universal_id, primary_username, preferences) "
                        + "VALUES (?, ?, CAST(? AS jsonb))",
                user,
                user,
                json);
    }

    private static String jsonString(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static RequestSpecification asBot() {
        return given().header("Authorization", "Bearer test-bot-key");
    }
}
