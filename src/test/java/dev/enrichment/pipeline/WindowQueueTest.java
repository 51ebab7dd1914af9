package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WindowQueueTest extends PipelineTestBase {

    @Inject
    WindowQueue queue;

    @Inject
    Discovery discovery;

    @Inject
    PipelineConfig config;

    @Test
    void releasedClaimsAreAtOnceAvailableToAnotherProcess() {
        markOneClosedWindow();
        ClaimedWindow claimed = queue.claimNext("stopping-process").orElseThrow();
        assertThat(queue.claimNext("other-process")).as("leased").isEmpty();

        assertThat(queue.releaseAll("stopping-process")).isEqualTo(1);

        ClaimedWindow again = queue.claimNext("other-process").orElseThrow();
        assertThat(again.id()).isEqualTo(claimed.id());
        assertThat(again.attempts()).as("a release is not a failure").isZero();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndCountsAsAnAttempt() {
        markOneClosedWindow();
        queue.claimNext("crashed-process").orElseThrow();
        clock.advance(config.lease().minusSeconds(1));
        assertThat(queue.claimNext("survivor")).isEmpty();

        clock.advance(Duration.ofSeconds(2));

        assertThat(queue.claimNext("survivor"))
                .hasValueSatisfying(w -> assertThat(w.attempts()).isEqualTo(1));
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        markOneClosedWindow();
        queue.fail(queue.claimNext("p").orElseThrow(), "first");
        assertThat(queue.claimNext("p")).as("backing off").isEmpty();
        clock.advance(config.retryBackoff());
        queue.fail(queue.claimNext("p").orElseThrow(), "second");
        clock.advance(config.retryBackoff());
        assertThat(queue.claimNext("p")).as("the second wait is twice as long").isEmpty();
        clock.advance(config.retryBackoff());

        assertThat(queue.claimNext("p")).isPresent();
        assertThat(db.rows("SELECT attempts, last_error FROM enrichment_windows"))
                .containsExactly(java.util.List.of(2, "second"));
    }

    private void markOneClosedWindow() {
        qdrant.createWhisperEngineCollection("whisperengine_memory_elena_7d");
        qdrant.upsert(
                "whisperengine_memory_elena_7d",
                bots.conversation("nia", LocalDateTime.of(2025, 10, 18, 9, 0), 6, Duration.ofMinutes(1)));
        discovery.discover(new dev.enrichment.conversation.BotCollection("whisperengine_memory_elena_7d", "elena"));
    }
}
