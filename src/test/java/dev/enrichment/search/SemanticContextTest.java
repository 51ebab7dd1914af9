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
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * With the local model, the context's similar summaries are found by meaning: a message that shares no word with a
 * past conversation still brings it, and an unrelated message brings none (the keyword fallback finds nothing either).
 */
@QuarkusTest
@TestProfile(LocalEmbeddingsProfile.class)
class SemanticContextTest {

    @Inject
    SummaryWriter writer;

    @Inject
    SummaryIndexer indexer;

    @Inject
    DataSource dataSource;

    @Test
    void bringsThePastConversationAboutTheSameThingInOtherWords() {
        SearchFixture.clearOutbox(new Sql(dataSource));
        QdrantTestResource.target().deleteAllCollections();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bot = "ctxbot-" + suffix;
        String user = "ana-" + suffix;
        SearchFixture fixture = new SearchFixture(writer);
        int puppy = fixture.day(
                bot,
                user,
                0,
                "The user wants to adopt a puppy and asked how to house-train a young dog.",
                List.of("adopting a puppy", "dog training"));
        fixture.day(
                bot,
                user,
                1,
                "The user set up a monthly budget to save money and cut spending on takeout.",
                List.of("budgeting", "saving money"));
        // the latest conversation is never repeated among the similar ones
        fixture.day(
                bot,
                user,
                2,
                "The user played in a local chess tournament and studied openings.",
                List.of("chess tournament"));
        assertThat(indexer.indexPending().indexed()).isEqualTo(3);

        JsonPath related = context(bot, user, "Should I get a new pet for my kids?");
        JsonPath unrelated = context(bot, user, "What is the capital of Australia?");

        assertThat(related.getList("parts.similar_summaries.id", Integer.class)).startsWith(puppy);
        assertThat(related.getList("parts.similar_summaries.score", Float.class))
                .allSatisfy(score ->
                        assertThat(score).isGreaterThanOrEqualTo((float) SemanticSimilarSummaries.MIN_SIMILARITY));
        assertThat(unrelated.getList("parts.similar_summaries")).isEmpty();
    }

    private static JsonPath context(String bot, String user, String q) {
        return given().header("X-API-Key", "test-bot-key")
                .queryParam("bot", bot)
                .queryParam("q", q)
                .get("/api/v1/users/{user}/context", user)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
