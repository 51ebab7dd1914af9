package dev.enrichment.pipeline;

import static io.qdrant.client.ValueFactory.value;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.qdrant.client.grpc.Points.PointStruct;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Points no bot should have written: each is set aside (quarantined, listed in the status) while the rest of its
 * collection, and every later message of the bot, is enriched as usual.
 */
@QuarkusTest
class HostileDataTest extends PipelineTestBase {

    private static final String COLLECTION = "whisperengine_memory_elena";
    private static final Instant YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void aPointFromTheFutureNeverMovesTheCursorAndLaterMessagesAreStillEnriched() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        qdrant.upsert(
                COLLECTION, bots.conversation("ana", naive(NOW.minusSeconds(3 * 3600)), 6, Duration.ofSeconds(20)));
        qdrant.upsert(
                COLLECTION,
                List.of(datedAt(
                        bots.conversation("ana", naive(NOW.minusSeconds(600)), 1, Duration.ofSeconds(20))
                                .get(0),
                        YEAR_2100)));

        cycle.run();

        assertThat(db.count("SELECT count(*) FROM enrichment_quarantine WHERE reason = 'future_timestamp'"))
                .isEqualTo(1);
        assertThat(db.count(
                        "SELECT count(*) FROM enrichment_discovery_cursors WHERE cursor_at > ?",
                        java.sql.Timestamp.from(NOW.plus(Duration.ofMinutes(10)))))
                .isZero();

        // the next day, a new user talks: discovery must still find it
        clock.advance(Duration.ofHours(26));
        qdrant.upsert(
                COLLECTION,
                bots.conversation("ben", naive(clock.instant().minusSeconds(3 * 3600)), 6, Duration.ofSeconds(20)));
        CycleOutcome next = cycle.run();

        assertThat(next.collectionsFailed()).isZero();
        assertThat(db.count("SELECT count(*) FROM conversation_summaries WHERE user_id = 'ben'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM enrichment_quarantine"))
                .as("seen again, recorded once")
                .isEqualTo(1);
        given().header("X-API-Key", "test-admin-key")
                .get("/api/v1/admin/enrichment/status")
                .then()
                .statusCode(200)
                .body("bots.find { it.bot == 'elena' }.attention.quarantined.future_timestamp", equalTo(1))
                .body(
                        "bots.find { it.bot == 'elena' }.attention.quarantine_sample[0].reason",
                        equalTo("future_timestamp"));
    }

    @Test
    void megabyteContentsInOnePageNeitherStopDiscoveryNorTheirWindow() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        List<PointStruct> huge = new ArrayList<>();
        for (PointStruct point :
                bots.conversation("gus", naive(NOW.minusSeconds(3 * 3600)), 6, Duration.ofSeconds(20))) {
            // six megabyte-long contents: one scroll page of them is over gRPC's default 4 MiB
            huge.add(point.toBuilder()
                    .putPayload("content", value("x".repeat(1_000_000)))
                    .build());
        }
        qdrant.upsert(COLLECTION, huge);

        CycleOutcome outcome = cycle.run();

        assertThat(outcome.collectionsFailed()).isZero();
        assertThat(db.count("SELECT count(*) FROM conversation_summaries WHERE user_id = 'gus'"))
                .isEqualTo(1);
    }

    @Test
    void aPointWhoseTextIsNoTextIsSetAsideWhenItsWindowIsReadAndTheRestIsSummarised() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        List<PointStruct> points =
                new ArrayList<>(bots.conversation("hal", naive(NOW.minusSeconds(3 * 3600)), 6, Duration.ofSeconds(20)));
        // discovery reads no text, so this point marks the window like any message; reading the window finds it out
        PointStruct numeric =
                bots
                        .conversation("hal", naive(NOW.minusSeconds(2 * 3600)), 1, Duration.ofSeconds(20))
                        .get(0)
                        .toBuilder()
                        .putPayload("content", value(42))
                        .build();
        points.add(numeric);
        qdrant.upsert(COLLECTION, points);

        CycleOutcome outcome = cycle.run();

        assertThat(outcome.collectionsFailed()).isZero();
        assertThat(db.rows("SELECT reason, user_id FROM enrichment_quarantine"))
                .containsExactly(List.of("unreadable", "hal"));
        assertThat(db.count("SELECT message_count FROM conversation_summaries WHERE user_id = 'hal'"))
                .as("the six readable messages")
                .isEqualTo(6);
    }

    @Test
    void pointsWrittenBehindTheCursorAreFlaggedInTheStatus() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        qdrant.upsert(
                COLLECTION, bots.conversation("dora", naive(NOW.minusSeconds(3 * 3600)), 6, Duration.ofSeconds(20)));
        cycle.run();
        assertThat(lateWrites()).as("the first check only sets the boundary").isNull();

        // a bot whose clock is a day behind: its new messages are dated before the cursor, so never discovered
        clock.advance(Duration.ofHours(1));
        List<PointStruct> behind =
                bots.conversation("emil", naive(NOW.minusSeconds(26 * 3600)), 4, Duration.ofSeconds(20));
        qdrant.upsert(COLLECTION, behind);
        // and one on time, which is no late write
        qdrant.upsert(COLLECTION, bots.conversation("dora", naive(NOW.plusSeconds(600)), 2, Duration.ofSeconds(20)));
        cycle.run();

        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE user_id = 'emil'"))
                .isZero();
        // points, pair points included: the count is Qdrant's
        assertThat(lateWrites()).isEqualTo(behind.size());
        assertThat(lateWrites()).as("counted once").isEqualTo(behind.size());
    }

    private static Integer lateWrites() {
        return given().header("X-API-Key", "test-admin-key")
                .get("/api/v1/admin/enrichment/status")
                .then()
                .statusCode(200)
                .extract()
                .path("bots.find { it.bot == 'elena' }.attention.late_writes[0].points");
    }

    @Test
    void nulCharactersAreDroppedFromTextAndABadUserIdIsSetAsideWithoutStoppingTheCollection() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        List<PointStruct> cleo = new ArrayList<>();
        for (PointStruct point :
                bots.conversation("cleo", naive(NOW.minusSeconds(3 * 3600)), 6, Duration.ofSeconds(20))) {
            cleo.add(point.toBuilder()
                    .putPayload(
                            "content",
                            value(point.getPayloadMap().get("content").getStringValue() + "\u0000 and \uD800 stray"))
                    .build());
        }
        qdrant.upsert(COLLECTION, cleo);
        qdrant.upsert(
                COLLECTION,
                withUser(
                        bots.conversation("x", naive(NOW.minusSeconds(3 * 3500)), 6, Duration.ofSeconds(20)),
                        "nul\u0000user"));
        qdrant.upsert(
                COLLECTION,
                withUser(
                        bots.conversation("y", naive(NOW.minusSeconds(3 * 3400)), 6, Duration.ofSeconds(20)),
                        "9".repeat(10_000)));

        CycleOutcome outcome = cycle.run();

        assertThat(outcome.collectionsFailed()).isZero();
        assertThat(outcome.failed()).isZero();
        assertThat(db.count("SELECT count(*) FROM conversation_summaries WHERE user_id = 'cleo'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'failed'"))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE user_id <> 'cleo'"))
                .isZero();
        // both users' 6 messages are set aside, none lost silently
        assertThat(db.count("SELECT count(*) FROM enrichment_quarantine WHERE reason = 'invalid_user_id'"))
                .isEqualTo(12);
        assertThat(db.count("SELECT count(*) FROM enrichment_quarantine WHERE user_id = 'nuluser'"))
                .isEqualTo(6);
        assertThat(llm.requestBodies().toString()).doesNotContain("\\u0000");
        assertThat(db.count("SELECT count(*) FROM enrichment_discovery_cursors WHERE last_error IS NOT NULL"))
                .isZero();
    }

    @Test
    void aFixedPointIsReadAgainOnRequestAndEnriched() {
        qdrant.createWhisperEngineCollection(COLLECTION);
        List<PointStruct> dora =
                bots.conversation("dora", naive(NOW.minusSeconds(3 * 3600)), 6, Duration.ofSeconds(20));
        qdrant.upsert(
                COLLECTION,
                dora.stream().map(point -> datedAt(point, YEAR_2100)).toList());
        cycle.run();
        long setAside = db.count("SELECT count(*) FROM enrichment_quarantine WHERE reason = 'future_timestamp'");
        assertThat(setAside).isPositive();
        assertThat(summaries()).isZero();

        qdrant.upsert(COLLECTION, dora);
        given().header("X-API-Key", "test-admin-key")
                .queryParam("bot", "elena")
                .post("/api/v1/admin/quarantine/retry")
                .then()
                .statusCode(200)
                .body("released", equalTo((int) setAside))
                .body("still_quarantined", equalTo(0));
        cycle.run();

        assertThat(db.count("SELECT count(*) FROM enrichment_quarantine")).isZero();
        assertThat(db.count("SELECT count(*) FROM conversation_summaries WHERE user_id = 'dora'"))
                .isEqualTo(1);
    }

    private static PointStruct datedAt(PointStruct point, Instant at) {
        return point.toBuilder()
                .putPayload("timestamp_unix", value(at.getEpochSecond()))
                .putPayload(
                        "timestamp",
                        value(LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC)
                                .toString()))
                .build();
    }

    private static List<PointStruct> withUser(List<PointStruct> points, String userId) {
        return points.stream()
                .map(point ->
                        point.toBuilder().putPayload("user_id", value(userId)).build())
                .toList();
    }
}
