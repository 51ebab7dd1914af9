package dev.enrichment.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.summary.SummaryWriter;
import dev.enrichment.testsupport.Sql;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The acceptance figure: on days with known topics, a query naming a topic in other words ranks that day's summary
 * in the top 3. Fixed data, the local model, the real index and endpoint; the figure is printed.
 */
@QuarkusTest
@TestProfile(LocalEmbeddingsProfile.class)
class SearchQualityTest {

    /** Per day: the summary's topics, its text, and a query for it that shares none of its content words. */
    private static final String[][] DAYS = {
        {
            "trip to Japan|flight booking",
            "The user is planning a trip to Japan in spring and compared flight prices to Tokyo.",
            "vacation abroad in Asia"
        },
        {
            "adopting a puppy|dog training",
            "The user wants to adopt a puppy and asked how to house-train a young dog.",
            "getting a new pet"
        },
        {
            "job interview|software career",
            "The user prepared for a job interview at a software company and practised answers.",
            "applying for a position at work"
        },
        {
            "baking sourdough bread|recipes",
            "The user baked sourdough bread for the first time and talked about flour and starter.",
            "making homemade loaves in the oven"
        },
        {
            "marathon training|running injuries",
            "The user is training for a marathon and worried about knee pain after long runs.",
            "preparing for a long-distance race"
        },
        {
            "moving to a new apartment|rent",
            "The user is moving into a new apartment downtown and discussed rent and packing boxes.",
            "relocating to a different flat"
        },
        {
            "learning guitar|music practice",
            "The user started learning the guitar and practised chords every evening.",
            "playing an instrument"
        },
        {
            "grandmother's illness|hospital visit",
            "The user's grandmother is ill and the user visited her in hospital, feeling worried.",
            "a sick relative"
        },
        {
            "budgeting|saving money",
            "The user set up a monthly budget to save money and cut spending on takeout.",
            "personal finances and expenses"
        },
        {
            "gardening|growing tomatoes",
            "The user planted tomatoes and herbs in the garden and asked about watering.",
            "growing vegetables at home"
        },
        {
            "chess tournament|openings",
            "The user played in a local chess tournament and studied the Sicilian defence.",
            "board game competition"
        },
        {
            "wedding planning|guest list",
            "The user is organising a wedding and argued about the guest list and the venue.",
            "preparing to get married"
        },
    };

    @Inject
    SummaryWriter writer;

    @Inject
    SummaryIndexer indexer;

    @Inject
    DataSource dataSource;

    @Test
    void ranksTheDayOfAParaphrasedTopicInTheTopThree() {
        Sql sql = new Sql(dataSource);
        SearchFixture.clearOutbox(sql);
        QdrantTestResource.target().deleteAllCollections();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bot = "searchbot-" + suffix;
        String user = "traveller-" + suffix;
        SearchFixture fixture = new SearchFixture(writer);
        List<Integer> ids = new ArrayList<>();
        for (int day = 0; day < DAYS.length; day++) {
            ids.add(fixture.day(bot, user, day, DAYS[day][1], List.of(DAYS[day][0].split("\\|"))));
        }
        // another user with the same first topic: never part of this user's results
        int stranger = fixture.day(bot, "stranger-" + suffix, 0, DAYS[0][1], List.of(DAYS[0][0].split("\\|")));

        SummaryIndexer.IndexOutcome indexed = indexer.indexPending();
        assertThat(indexed.indexed()).isEqualTo(DAYS.length + 1);

        int inTopThree = 0;
        int first = 0;
        StringBuilder report = new StringBuilder();
        for (int day = 0; day < DAYS.length; day++) {
            JsonPath body = given().header("X-API-Key", "test-bot-key")
                    .queryParam("bot", bot)
                    .queryParam("user_id", user)
                    .queryParam("q", DAYS[day][2])
                    .queryParam("limit", 3)
                    .when()
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Integer> hits = body.getList("hits.summary_id", Integer.class);
            assertThat(hits).doesNotContain(stranger);
            int rank = hits.indexOf(ids.get(day));
            if (rank >= 0) {
                inTopThree++;
            }
            if (rank == 0) {
                first++;
            }
            report.append(
                    String.format(Locale.ROOT, "%n  %-36s -> rank %s", DAYS[day][2], rank < 0 ? "> 3" : rank + 1));
        }
        double share = (double) inTopThree / DAYS.length;
        System.out.printf(
                Locale.ROOT,
                "Search quality (local all-MiniLM-L6-v2-q): %d/%d paraphrased queries rank their day in the top 3 "
                        + "(%.0f %%), %d first%s%n",
                inTopThree,
                DAYS.length,
                share * 100,
                first,
                report);
        assertThat(share)
                .as("share of paraphrased queries whose day is in the top 3")
                .isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void readsWhenInTheUsersOwnZone() {
        Sql sql = new Sql(dataSource);
        String user = "tokyo-" + UUID.randomUUID().toString().substring(0, 8);
        sql.update(
                """
                INSERT INTO universal_users (universal_id, primary_username, display_name, created_at, last_active,
                                             preferences)
                VALUES (?, ?, ?, now(), now(), CAST(? AS jsonb))""",
                user,
                "user_tokyo",
                "User tokyo",
                "{\"timezone\": {\"value\": \"Asia/Tokyo\", \"confidence\": 0.9}}");

        // 15:30 UTC on Wednesday is already Thursday 00:30 in Tokyo: "yesterday" there is Wednesday, Tokyo time
        given().header("X-API-Key", "test-bot-key")
                .queryParam("bot", "elena")
                .queryParam("user_id", user)
                .queryParam("q", "travel plans")
                .queryParam("when", "yesterday")
                .queryParam("as_of", "2025-11-05T15:30:00Z")
                .when()
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("from", org.hamcrest.Matchers.equalTo("2025-11-04T15:00:00Z"))
                .body("to", org.hamcrest.Matchers.equalTo("2025-11-05T15:00:00Z"));
    }
}
