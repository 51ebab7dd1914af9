package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.conversation.BotCollection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscoveryTest extends PipelineTestBase {

    private static final BotCollection ELENA = new BotCollection("whisperengine_memory_elena_7d", "elena");

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
}
