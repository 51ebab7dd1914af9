package dev.enrichment.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** How long to wait before the next attempt: the server's {@code Retry-After}, else exponential backoff with jitter. */
final class RetryPolicy {

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier jitter;

    /** {@code jitter} yields values in [0, 1). */
    RetryPolicy(Duration initialBackoff, Duration maxBackoff, DoubleSupplier jitter) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
    }

    static DoubleSupplier randomJitter() {
        return () -> ThreadLocalRandom.current().nextDouble();
    }

    /** The wait after attempt number {@code failedAttempt} (1-based) failed. */
    Duration delayAfter(int failedAttempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), maxBackoff);
        }
        double exponential = initialBackoff.toNanos() * Math.pow(2, failedAttempt - 1);
        double capped = Math.min(exponential, maxBackoff.toNanos());
        // "Equal jitter": at least half the backoff, so waits still grow, but clients that failed together spread out.
        return Duration.ofNanos(Math.round(capped / 2 + jitter.getAsDouble() * capped / 2));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
