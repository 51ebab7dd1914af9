package dev.enrichment.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits between retries instead of sleeping through them. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration delay) {
        waits.add(delay);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
