package dev.enrichment.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.summary.SummaryWriter;
import dev.enrichment.testsupport.qdrant.ExpectQdrantClientFailures;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import io.qdrant.client.VectorFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code include_messages=true}: the bot's own message vectors, embedded with the same local model the bots use,
 * searched for the user's messages nearest to the query, each with the day summary that holds it.
 */
// the summary index does not exist in most of these tests: the client logs each NOT_FOUND search
@QuarkusTest
@TestProfile(LocalEmbeddingsProfile.class)
@ExtendWith(ExpectQdrantClientFailures.class)
class MessageSearchTest {

    private static final int DIMENSIONS = 384;

    @Inject
    Embeddings embeddings;

    @Inject
    SummaryWriter writer;

    private String bot;
    private String user;
    private int japanDay;

    @BeforeEach
    void conversations() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bot = "msgbot" + suffix;
        user = "ana-" + suffix;
        String collection = "whisperengine_memory_" + bot;
        QdrantTestResource.target().createWhisperEngineCollection(collection, DIMENSIONS);
        WhisperEnginePoints points = WhisperEnginePoints.writer().seeded(7);
        List<PointStruct> seeded = new ArrayList<>();
        // day 0: Japan, day 2: a puppy, day 4: sourdough; the Japan day has a summary, the others not yet
        seeded.addAll(points.exchange(
                user,
                day(0, 10),
                "I finally booked my flights to Tokyo for the cherry blossom season in April!",
                "That sounds wonderful, how long will you stay in Japan?"));
        seeded.addAll(points.exchange(
                user,
                day(2, 15),
                "We are adopting a golden retriever puppy next weekend.",
                "How exciting! Have you picked a name for the dog?"));
        seeded.addAll(points.exchange(
                user,
                day(4, 20),
                "My sourdough starter finally rose and the loaf came out great.",
                "Baking bread at home takes patience, well done."));
        seeded.addAll(points.emojiReaction(user, day(0, 11), "✈️"));
        // another user said the same thing: never part of this user's results
        seeded.addAll(points.exchange(
                "stranger-" + suffix,
                day(0, 12),
                "I finally booked my flights to Tokyo for the cherry blossom season in April!",
                "Enjoy the trip."));
        // a point the bot stored beside the conversation (not a message) with the same words
        seeded.add(points.exchange(user, day(0, 13), "User plans a trip to Tokyo in April.", "ok").get(0).toBuilder()
                .putPayload(
                        "memory_type", Value.newBuilder().setStringValue("fact").build())
                .build());
        QdrantTestResource.target().upsert(collection, withContentVectors(seeded));
        japanDay = new SearchFixture(writer)
                .day(bot, user, 0, "The user booked flights to Tokyo for April.", List.of("trip to Japan"));
    }

    @Test
    void findsWhereTheUserSaidItWithTheDaysSummary() {
        JsonPath body = search("travelling to Japan in spring")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Map<String, Object>> messages = body.getList("messages");
        assertThat(messages).isNotEmpty();
        // the best two are that day's exchange: the user's flights to Tokyo and the bot's "stay in Japan"
        assertThat(messages.subList(0, 2))
                .allSatisfy(m -> assertThat(m.get("summary_id")).isEqualTo(japanDay))
                .allSatisfy(m -> assertThat(m.get("window_start")).isEqualTo(SearchFixture.FIRST_DAY.toString()));
        Map<String, Object> said = messages.stream()
                .filter(m -> ((String) m.get("text")).contains("Tokyo"))
                .findFirst()
                .orElseThrow();
        assertThat(said.get("role")).isEqualTo("user");
        assertThat(said.get("timestamp"))
                .isEqualTo(day(0, 10).toInstant(ZoneOffset.UTC).toString());
        // the pair point repeats the user's words and the fact point is not conversation: neither is a hit
        assertThat(messages).extracting(m -> m.get("point_id")).doesNotHaveDuplicates();
        assertThat(messages)
                .extracting(m -> (String) m.get("text"))
                .filteredOn(text -> text.contains("Tokyo"))
                .hasSize(1);
        assertThat(messages).extracting(m -> m.get("role")).containsOnly("user", "assistant");
        assertThat(body.getString("messages_notice")).isNull();
    }

    @Test
    void aMessageWhoseDayHasNoSummaryYetHasNoSummaryId() {
        List<Map<String, Object>> messages = search("bread baking at home")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("messages");

        assertThat((String) messages.get(0).get("text")).containsAnyOf("sourdough", "bread");
        assertThat(messages.get(0).get("summary_id")).isNull();
    }

    @Test
    void keepsToTheRangeAndTheLimit() {
        List<Map<String, Object>> messages = request("travelling to Japan in spring")
                .queryParam("include_messages", "true")
                .queryParam("from", "2025-09-02")
                .queryParam("to", "2025-09-10")
                .queryParam("message_limit", 2)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("messages");

        assertThat(messages).hasSize(2);
        assertThat(messages).extracting(m -> (String) m.get("text")).noneMatch(text -> text.contains("Tokyo"));
    }

    @Test
    void aBotWithoutACollectionAnswersWithANotice() {
        given().header("X-API-Key", "test-bot-key")
                .queryParam("user_id", user)
                .queryParam("q", "travel")
                .queryParam("bot", "nobody" + bot)
                .queryParam("include_messages", "true")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("messages.size()", equalTo(0))
                .body("messages_notice", containsString("no Qdrant collection"));
    }

    @Test
    void withoutIncludeMessagesNoMessageIsSearched() {
        JsonPath body = request("travelling to Japan")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(body.getMap("").containsKey("messages")).isTrue();
        assertThat(body.getList("messages")).isNull();
    }

    @Test
    void refusesAnUnreadableFlagAndALimitWithoutTheFlag() {
        request("travel")
                .queryParam("include_messages", "yes")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("fields[0].field", equalTo("include_messages"));
        request("travel")
                .queryParam("message_limit", 3)
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("fields[0].field", equalTo("message_limit"));
    }

    private io.restassured.response.Response search(String q) {
        return request(q).queryParam("include_messages", "true").get("/api/v1/search");
    }

    private RequestSpecification request(String q) {
        return given().header("X-API-Key", "test-bot-key")
                .queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("q", q);
    }

    private static LocalDateTime day(int day, int hour) {
        return LocalDateTime.ofInstant(SearchFixture.FIRST_DAY, ZoneOffset.UTC)
                .plusDays(day)
                .withHour(hour);
    }

    /** Each point's {@code content} vector embedded from its text by the local model, as the bots do. */
    private List<PointStruct> withContentVectors(List<PointStruct> points) {
        List<String> texts = points.stream()
                .map(point -> point.getPayloadMap().get("content").getStringValue())
                .toList();
        List<float[]> vectors = embeddings.embed(texts);
        List<PointStruct> embedded = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            embedded.add(points.get(i).toBuilder()
                    .setVectors(VectorsFactory.namedVectors(Map.of("content", VectorFactory.vector(vectors.get(i)))))
                    .build());
        }
        return embedded;
    }
}
