package dev.enrichment.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPacerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-21T01:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final CallPacer pacer = new CallPacer(3, clock, duration -> {
        waits.add(duration);
        clock.advance(duration);
    });

    @Test
    void letsCallsThroughUntilTheMinutesLimitThenWaitsForTheOldestToAge() throws InterruptedException {
        pacer.record(1);
        clock.advance(Duration.ofSeconds(10));
        pacer.record(2);

        assertThat(pacer.awaitSlot()).isEqualTo(Duration.ofSeconds(50));
        assertThat(waits).containsExactly(Duration.ofSeconds(50));
        assertThat(pacer.awaitSlot())
                .as("the other two are still within the minute, but two is below 3")
                .isZero();
    }

    @Test
    void aBatchThatMadeMoreCallsThanTheLimitWaitsAFullMinute() throws InterruptedException {
        pacer.record(5);

        assertThat(pacer.awaitSlot()).isEqualTo(CallPacer.MINUTE);
    }

    @Test
    void doesNotWaitBelowTheLimit() throws InterruptedException {
        pacer.record(2);

        assertThat(pacer.awaitSlot()).isZero();
        assertThat(waits).isEmpty();
    }
}
