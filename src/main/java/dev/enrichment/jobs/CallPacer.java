package dev.enrichment.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a job within a number of LLM calls per minute: before the next batch it waits until fewer than the limit
 * were started in the last minute. Times come from the injected clock; the wait itself is given, so that tests can
 * move a pinned clock instead of sleeping.
 */
final class CallPacer {

    static final Duration MINUTE = Duration.ofMinutes(1);

    /** How the pacer waits; a real job sleeps. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int perMinute;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> calls = new ArrayDeque<>();

    CallPacer(int perMinute, Clock clock, Sleeper sleeper) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("calls per minute must be at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until a call may start; returns how long it waited. */
    Duration awaitSlot() throws InterruptedException {
        Duration waited = Duration.ZERO;
        while (true) {
            Instant now = clock.instant();
            while (!calls.isEmpty() && !calls.peekFirst().plus(MINUTE).isAfter(now)) {
                calls.removeFirst();
            }
            if (calls.size() < perMinute) {
                return waited;
            }
            Duration wait = Duration.between(now, calls.peekFirst().plus(MINUTE));
            sleeper.sleep(wait);
            waited = waited.plus(wait);
        }
    }

    /** Counts calls just made (a batch that retried a part alone made more than one). */
    void record(long count) {
        Instant now = clock.instant();
        for (long i = 0; i < count; i++) {
            calls.addLast(now);
        }
    }
}
