package dev.enrichment.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryAfterBackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(10);

    @Test
    void doublesTheBackoffPerAttemptUpToMaxBackoff() {
        RetryAfterBackoff lowestJitter = new RetryAfterBackoff(INITIAL, MAX, () -> 0);

        // the lowest jitter takes half of 1, 2, 4, 8, then the 10 s cap
        assertThat(IntStream.rangeClosed(1, 6)
                        .mapToObj(attempt -> lowestJitter
                                .delayAfter(attempt, Optional.empty())
                                .toMillis())
                        .toList())
                .containsExactly(500L, 1000L, 2000L, 4000L, 5000L, 5000L);
    }

    @Test
    void jitterKeepsAtLeastHalfTheBackoff() {
        RetryAfterBackoff random = new RetryAfterBackoff(INITIAL, MAX, RetryAfterBackoff.RANDOM_JITTER);

        for (int i = 0; i < 200; i++) {
            assertThat(random.delayAfter(3, Optional.empty())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
        assertThat(new RetryAfterBackoff(INITIAL, MAX, () -> 0).delayAfter(3, Optional.empty()))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void takesRetryAfterInsteadOfTheBackoffCappedAtMaxBackoff() {
        RetryAfterBackoff policy = new RetryAfterBackoff(INITIAL, MAX, () -> 0.5);

        assertThat(policy.delayAfter(4, Optional.of(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofMinutes(5)))).isEqualTo(MAX);
        assertThat(policy.delayAfter(1, Optional.of(Duration.ZERO))).isZero();
    }

    @Test
    void doesNotOverflowOnManyAttempts() {
        RetryAfterBackoff policy = new RetryAfterBackoff(Duration.ofDays(1), MAX, () -> 0);

        assertThat(policy.delayAfter(200, Optional.empty())).isEqualTo(MAX.dividedBy(2));
    }

    @Test
    void readsTheAttemptAndTheServersWaitFromTheFailure() {
        RetryAfterBackoff backoff = new RetryAfterBackoff(INITIAL, MAX, () -> 0);

        assertThat(backoff.nextDelayInMillis(failure(3, null))).isEqualTo(2000);
        assertThat(backoff.nextDelayInMillis(failure(1, Duration.ofMillis(1500))))
                .isEqualTo(1500);
    }

    private static LlmException failure(int attempt, Duration retryAfter) {
        return new LlmException(LlmException.Kind.RATE_LIMITED, "rate limited", 429, null, attempt, retryAfter, null);
    }
}
