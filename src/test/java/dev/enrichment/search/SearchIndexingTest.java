package dev.enrichment.search;

import static io.qdrant.client.PointIdFactory.id;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.conversation.QdrantConfig;
import dev.enrichment.pipeline.EnrichmentCycle;
import dev.enrichment.summary.Granularity;
import dev.enrichment.summary.SummaryWriter;
import dev.enrichment.testsupport.MutableClock;
import dev.enrichment.testsupport.Sql;
import dev.enrichment.testsupport.qdrant.ExpectQdrantClientFailures;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import io.grpc.Status;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Summaries reach the index within one cycle, follow their rewrites, and survive an index outage. */
@QuarkusTest
@TestProfile(LocalEmbeddingsProfile.class)
@ExtendWith(ExpectQdrantClientFailures.class)
class SearchIndexingTest {

    private static final Instant NOW = Instant.parse("2025-10-01T12:00:00Z");

    @Inject
    SummaryWriter writer;

    @Inject
    SummaryIndexer indexer;

    @Inject
    EnrichmentCycle cycle;

    @Inject
    QdrantConfig qdrantConfig;

    @Inject
    DataSource dataSource;

    private final MutableClock clock = new MutableClock(NOW);
    private Sql sql;
    private SearchFixture fixture;
    private String bot;
    private String user;

    @BeforeEach
    void emptyIndex() {
        QuarkusMock.installMockForType(clock, Clock.class);
        sql = new Sql(dataSource);
        SearchFixture.clearOutbox(sql);
        QdrantTestResource.target().deleteAllCollections();
        QdrantTestResource.target().testDouble().ifPresent(QdrantTestDouble::reset);
        fixture = new SearchFixture(writer);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bot = "indexbot-" + suffix;
        user = "user-" + suffix;
    }

    @AfterEach
    void clearFaults() {
        QdrantTestResource.target().testDouble().ifPresent(QdrantTestDouble::clearFaults);
    }

    @Test
    void aWrittenSummaryIsSearchableAfterOneCycle() {
        fixture.day(bot, user, 3, "The user talked about a trip to Lisbon.", List.of("travel plans"));
        assertThat(pending()).isEqualTo(1);

        cycle.run();

        assertThat(pending()).isZero();
        search("holiday abroad")
                .then()
                .statusCode(200)
                .body("hits[0].topics", equalTo(List.of("travel plans")))
                .body("hits[0].window_start", equalTo("2025-09-04T00:00:00Z"));
    }

    @Test
    void aRewrittenSummaryReplacesItsPoint() throws Exception {
        int id = fixture.day(bot, user, 1, "The user played chess all evening.", List.of("chess"));
        indexer.indexPending();
        assertThat(topicsOfPoint(id)).containsExactly("chess");

        int again = fixture.day(bot, user, 1, "The user knitted a scarf for winter.", List.of("knitting"));
        assertThat(again).isEqualTo(id);
        assertThat(pending()).as("a rewrite enqueues the summary again").isEqualTo(1);
        indexer.indexPending();

        assertThat(topicsOfPoint(id)).containsExactly("knitting");
        assertThat(pointCount()).isEqualTo(1);
    }

    @Test
    void anIndexOutageLosesNothingAndRecoversByItself() {
        QdrantTestDouble qdrant = QdrantTestResource.target().testDouble().orElse(null);
        assumeTrue(qdrant != null, "faults exist only on the test double");
        int id = fixture.day(bot, user, 2, "The user baked bread.", List.of("baking"));
        qdrant.failAll(Status.UNAVAILABLE);

        SummaryIndexer.IndexOutcome failed = indexer.indexPending();

        assertThat(failed.failed()).isEqualTo(1);
        assertThat(failed.error()).isPresent();
        assertThat(sql.value("SELECT attempts FROM enrichment_search_outbox WHERE summary_id = ?", id))
                .isEqualTo(1);
        assertThat(sql.value("SELECT count(*) FROM conversation_summaries WHERE id = ?", id))
                .isEqualTo(1L);
        qdrant.clearFaults();
        assertThat(indexer.indexPending().indexed())
                .as("not before the backoff")
                .isZero();

        clock.advance(Duration.ofMinutes(3));
        assertThat(indexer.indexPending().indexed()).isEqualTo(1);
        assertThat(pending()).isZero();
        search("bread").then().statusCode(200).body("hits.summary_id", hasItem(id));
    }

    @Test
    void anIdleRunCostsNoQdrantRequest() {
        QdrantTestDouble qdrant = QdrantTestResource.target().testDouble().orElse(null);
        assumeTrue(qdrant != null, "request counters exist only on the test double");
        fixture.day(bot, user, 4, "The user went hiking.", List.of("hiking"));
        indexer.indexPending();
        qdrant.resetCounters();

        SummaryIndexer.IndexOutcome idle = indexer.indexPending();

        assertThat(idle.indexed() + idle.failed() + idle.removed()).isZero();
        assertThat(qdrant.totalRequests()).isZero();
    }

    @Test
    void theIndexIsNeverTakenForABotCollection() {
        fixture.day(bot, user, 5, "The user talked about music.", List.of("music"));
        indexer.indexPending();
        QdrantTestDouble qdrant = QdrantTestResource.target().testDouble().orElse(null);
        assumeTrue(qdrant != null, "request counters exist only on the test double");
        qdrant.resetCounters();

        cycle.run();

        assertThat(cycle.lastOutcome().orElseThrow().collections()).isZero();
        assertThat(qdrant.totalRequests())
                .as("listing only; the index is not scrolled")
                .isEqualTo(1);
    }

    private io.restassured.response.Response search(String q) {
        return given().header("X-API-Key", "test-bot-key")
                .queryParam("bot", bot)
                .queryParam("user_id", user)
                .queryParam("q", q)
                .when()
                .get("/api/v1/search");
    }

    private long pending() {
        return (Long) sql.value("SELECT count(*) FROM enrichment_search_outbox");
    }

    private List<String> topicsOfPoint(int summaryId) throws Exception {
        List<RetrievedPoint> points = QdrantTestResource.target()
                .client()
                .retrieveAsync(
                        qdrantConfig.searchCollection(),
                        List.of(id(SearchIndex.pointId(Granularity.DAY, summaryId))),
                        true,
                        false,
                        null)
                .get(10, TimeUnit.SECONDS);
        assertThat(points).hasSize(1);
        return points.get(0).getPayloadMap().get(SearchIndex.TOPICS).getListValue().getValuesList().stream()
                .map(value -> value.getStringValue())
                .toList();
    }

    private long pointCount() throws Exception {
        return QdrantTestResource.target()
                .client()
                .countAsync(qdrantConfig.searchCollection())
                .get(10, TimeUnit.SECONDS);
    }
}
