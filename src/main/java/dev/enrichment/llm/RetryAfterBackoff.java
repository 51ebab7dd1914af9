package dev.enrichment.llm;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long SmallRye Fault Tolerance waits before retrying an LLM attempt: the {@code Retry-After} the failure
 * carries, else exponential backoff with jitter; never longer than {@code LLM_MAX_BACKOFF}.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    static final DoubleSupplier RANDOM_JITTER =
            () -> ThreadLocalRandom.current().nextDouble();

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier jitter;

    /** {@code jitter} yields values in [0, 1). */
    RetryAfterBackoff(Duration initialBackoff, Duration maxBackoff, DoubleSupplier jitter) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
    }

    /** Only {@link LlmException}s are retried, and each knows its attempt number and the server's wait. */
    @Override
    public long nextDelayInMillis(Throwable failure) {
        LlmException retried = (LlmException) failure;
        return delayAfter(retried.attempts(), retried.retryAfter()).toMillis();
    }

    /** The wait after attempt number {@code failedAttempt} (1-based) failed. */
    Duration delayAfter(int failedAttempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxBackoff) <= 0 ? retryAfter.get() : maxBackoff;
        }
        double exponential = initialBackoff.toNanos() * Math.pow(2, failedAttempt - 1);
        double capped = Math.min(exponential, maxBackoff.toNanos());
        // "Equal jitter": at least half the backoff, so waits still grow, but clients that failed together spread out.
        return Duration.ofNanos(Math.round(capped / 2 + jitter.getAsDouble() * capped / 2));
    }
}
