package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.conversation.BotCollection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A live worker keeps its window past the lease by renewing it; a dead one's window comes back after one lease. */
@QuarkusTest
class LeaseKeeperTest extends PipelineTestBase {

    @Inject
    WindowQueue queue;

    @Inject
    Discovery discovery;

    @Inject
    LeaseKeeper leases;

    @Inject
    PipelineConfig config;

    @Test
    void aHeldWindowIsRenewedWhileADeadProcessesWindowComesBackAfterOneLease() {
        markTwoClosedWindows();
        ClaimedWindow alive = queue.claimNext("live-worker").orElseThrow();
        ClaimedWindow dead = queue.claimNext("dead-worker").orElseThrow();
        leases.hold(alive);
        try {
            // three lease lengths pass; the live worker's renewals keep its window, the dead one's lease runs out
            for (int i = 0; i < 9; i++) {
                clock.advance(config.lease().dividedBy(3));
                leases.renew();
            }
            ClaimedWindow takenOver = queue.claimNext("survivor").orElseThrow();
            assertThat(takenOver.id()).isEqualTo(dead.id());
            assertThat(queue.claimNext("survivor"))
                    .as("the live worker's window stays its own")
                    .isEmpty();
        } finally {
            leases.letGo(alive);
        }
        clock.advance(config.lease().plusSeconds(1));
        assertThat(queue.claimNext("survivor"))
                .as("no longer renewed once let go")
                .isPresent();
    }

    private void markTwoClosedWindows() {
        qdrant.createWhisperEngineCollection("whisperengine_memory_elena");
        for (String user : new String[] {"nia", "oli"}) {
            qdrant.upsert(
                    "whisperengine_memory_elena",
                    bots.conversation(user, LocalDateTime.of(2025, 10, 18, 9, 0), 6, Duration.ofMinutes(1)));
        }
        discovery.discover(new BotCollection("whisperengine_memory_elena", "elena"));
    }
}
