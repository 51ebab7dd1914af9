package dev.enrichment.llm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; tests substitute one that records the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());

    void sleep(Duration delay) throws InterruptedException;
}
