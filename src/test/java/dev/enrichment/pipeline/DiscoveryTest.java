package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSourceException;
import dev.enrichment.testsupport.qdrant.ExpectQdrantClientFailures;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(ExpectQdrantClientFailures.class)
class DiscoveryTest extends PipelineTestBase {

    private static final BotCollection ELENA = new BotCollection("whisperengine_memory_elena_7d", "elena");
    private static final BotCollection NO_INDEX = new BotCollection("whisperengine_memory_noindex", "noindex");

    @Inject
    Discovery discovery;

    @Test
    void firstStartLooksBackLookbackDaysOnly() {
        qdrant.createWhisperEngineCollection(ELENA.collectionName());
        qdrant.upsert(
                ELENA.collectionName(),
                bots.conversation("old", naive(NOW.minus(Duration.ofDays(15))), 4, Duration.ofSeconds(10)));
        qdrant.upsert(
                ELENA.collectionName(),
                bots.conversation("recent", naive(NOW.minus(Duration.ofDays(2))), 4, Duration.ofSeconds(10)));

        DiscoveryOutcome outcome = discovery.discover(ELENA);

        assertThat(outcome.newMessages()).isEqualTo(4);
        assertThat(db.rows("SELECT user_id FROM enrichment_windows")).containsExactly(java.util.List.of("recent"));
    }

    @Test
    void rereadingTheOverlapBandMarksNothingAgainButALateMessageDoes() {
        qdrant.createWhisperEngineCollection(ELENA.collectionName());
        qdrant.upsert(
                ELENA.collectionName(),
                bots.conversation("kai", naive(NOW.minusSeconds(120)), 4, Duration.ofSeconds(10)));
        discovery.discover(ELENA);
        long marksAfterFirst = db.count("SELECT marked_count FROM enrichment_windows");

        DiscoveryOutcome again = discovery.discover(ELENA);

        assertThat(again.messagesRead()).as("the band is re-read").isEqualTo(4);
        assertThat(again.newMessages()).isZero();
        assertThat(db.count("SELECT marked_count FROM enrichment_windows")).isEqualTo(marksAfterFirst);

        // Written by a bot whose clock runs five minutes behind: older than the cursor, inside the band.
        qdrant.upsert(ELENA.collectionName(), bots.exchange("lea", naive(NOW.minusSeconds(400)), "late", "reply"));
        DiscoveryOutcome late = discovery.discover(ELENA);

        assertThat(late.newMessages()).isEqualTo(2);
        assertThat(db.rows("SELECT user_id FROM enrichment_windows ORDER BY user_id"))
                .containsExactly(java.util.List.of("kai"), java.util.List.of("lea"));
    }

    @Test
    void marksAndCursorAdvanceTogether() {
        qdrant.createWhisperEngineCollection(ELENA.collectionName());
        qdrant.upsert(
                ELENA.collectionName(),
                bots.conversation("max", naive(NOW.minusSeconds(3600)), 4, Duration.ofSeconds(10)));

        discovery.discover(ELENA);

        assertThat(db.rows("SELECT bot_name, cardinality(overlap_point_ids) FROM enrichment_discovery_cursors"))
                .containsExactly(java.util.List.of("elena", 4));
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE bot_name = 'elena'"))
                .isEqualTo(1);
    }

    @Test
    void aFailurePartWayKeepsTheCommittedProgressAndTheNextReadFinishes() {
        qdrant.createWhisperEngineCollection(ELENA.collectionName());
        int users = 30;
        int messagesEach = 100;
        for (int u = 0; u < users; u++) {
            qdrant.upsert(
                    ELENA.collectionName(),
                    bots.conversation(
                            "user-" + u,
                            naive(NOW.minus(Duration.ofHours(20)).plus(Duration.ofMinutes(30L * u))),
                            messagesEach,
                            Duration.ofSeconds(5)));
        }
        QdrantTestDouble faults = qdrant.testDouble().orElseThrow();
        // 4,500 points in pages of 500; the test profile commits every 1,000 messages (about every third page)
        faults.failAfter("Scroll", 5, Status.UNAVAILABLE.withDescription("injected mid-read outage"));

        assertThatThrownBy(() -> discovery.discover(ELENA)).isInstanceOf(ConversationSourceException.class);
        faults.clearFaults();

        long windowsAfterFailure = db.count("SELECT count(*) FROM enrichment_windows");
        assertThat(db.count("SELECT count(*) FROM enrichment_discovery_cursors WHERE cursor_at > CAST('"
                        + NOW.minus(Duration.ofHours(20)) + "' AS timestamptz)"))
                .as("the pages read before the failure were committed")
                .isEqualTo(1);
        assertThat(windowsAfterFailure).isBetween(1L, users - 1L);
        assertThat(db.count("SELECT count(*) FROM enrichment_discovery_cursors WHERE last_error LIKE "
                        + "'%injected mid-read outage%'"))
                .isEqualTo(1);

        DiscoveryOutcome resumed = discovery.discover(ELENA);

        assertThat(resumed.newMessages())
                .as("the next read starts at the committed cursor, not at the beginning")
                .isLessThanOrEqualTo((long) users * messagesEach - 1000);
        assertThat(db.rows("SELECT DISTINCT user_id FROM enrichment_windows")).hasSize(users);
        assertThat(db.count("SELECT count(*) FROM enrichment_discovery_cursors WHERE last_error IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void pagesInTimeOrderStepOverPointsThatShareATimestamp() {
        qdrant.createWhisperEngineCollection(ELENA.collectionName());
        // 700 messages at one instant: more than a page (500) shares the timestamp the next page starts from
        for (int u = 0; u < 350; u++) {
            qdrant.upsert(
                    ELENA.collectionName(), bots.exchange("same-" + u, naive(NOW.minusSeconds(3600)), "hi", "hello"));
        }

        DiscoveryOutcome outcome = discovery.discover(ELENA);

        assertThat(outcome.newMessages()).isEqualTo(700);
        assertThat(db.count("SELECT count(*) FROM enrichment_windows")).isEqualTo(350);
        assertThat(outcome.messagesRead()).as("no point is read twice").isEqualTo(700);
    }

    @Test
    void aCollectionWithoutTheTimeIndexIsReadInIdOrderInstead() {
        qdrant.createCollectionWithoutIndexes(NO_INDEX.collectionName());
        qdrant.upsert(
                NO_INDEX.collectionName(),
                bots.conversation("noindex", naive(NOW.minusSeconds(3600)), 6, Duration.ofSeconds(10)));
        QdrantTestDouble counted = qdrant.testDouble().orElseThrow();
        counted.resetCounters();

        DiscoveryOutcome first = discovery.discover(NO_INDEX);
        long firstRequests = counted.requestCount("Scroll");
        DiscoveryOutcome second = discovery.discover(NO_INDEX);

        assertThat(first.newMessages()).isEqualTo(6);
        assertThat(firstRequests)
                .as("the refused ordered read, then the read in id order")
                .isEqualTo(2);
        assertThat(second.newMessages()).isZero();
        assertThat(counted.requestCount("Scroll") - firstRequests)
                .as("known from then on: one read")
                .isEqualTo(1);
        assertThat(db.rows("SELECT user_id FROM enrichment_windows")).containsExactly(List.of("noindex"));

        clock.set(NOW.plus(Discovery.RETRY_TIME_ORDER));
        discovery.discover(NO_INDEX);
        assertThat(counted.requestCount("Scroll") - firstRequests)
                .as("after an hour the ordered read is tried again (the index may exist by then)")
                .isEqualTo(3);
    }
}
