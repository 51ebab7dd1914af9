package dev.enrichment.llm;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits the client's backoff asks for, and has SmallRye Fault Tolerance retry at once instead. */
final class RecordingBackoff {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    CustomBackoffStrategy around(CustomBackoffStrategy backoff) {
        return failure -> {
            waits.add(Duration.ofMillis(backoff.nextDelayInMillis(failure)));
            return 0;
        };
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
