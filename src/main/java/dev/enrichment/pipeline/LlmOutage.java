package dev.enrichment.pipeline;

import dev.enrichment.llm.LlmException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker between the worker and the LLM provider. A refused key or exhausted credit (401, 402, 403) is a
 * failure of the service, not of the window: it opens the breaker at once and gives the window back untouched. A
 * run of {@value #TRANSIENT_RUN} transient failures (the client has already retried each) opens it too. While open
 * the workers claim nothing, so windows stay pending with their attempts; when the pause ends the next window is a
 * probe: success closes the breaker, another failure reopens it for twice as long (up to {@link #MAX_PAUSE}).
 */
@ApplicationScoped
public class LlmOutage {

    static final int TRANSIENT_RUN = 3;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    private final Clock clock;
    private State state = State.CLOSED;

    LlmOutage(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        registry.gauge("enrichment.llm.paused", this, outage -> outage.current().paused() ? 1 : 0);
    }

    /** Whether a worker may claim a window now: always while closed, and once the pause is over (a probe). */
    public synchronized boolean mayAnalyse() {
        return state.pausedUntil == null || !clock.instant().isBefore(state.pausedUntil);
    }

    synchronized void succeeded() {
        if (state.pausedUntil != null) {
            Log.infof("The LLM answers again; window analysis resumes");
        }
        state = State.CLOSED;
    }

    /**
     * Records a failed call. Returns true when it is the provider's fault (the window keeps its attempt), false when
     * the window's own content may be the cause (the window pays an attempt, as before).
     */
    synchronized boolean failed(LlmException failure) {
        boolean refused = isRefusal(failure);
        boolean transientFailure = failure.retryable();
        if (!refused && !transientFailure) {
            return false;
        }
        Instant now = clock.instant();
        if (state.pausedUntil != null && now.isBefore(state.pausedUntil)) {
            // a call that was already under way when the breaker opened: the pause stands as it is
            return refused;
        }
        int run = state.consecutive + 1;
        boolean probeFailed = state.pausedUntil != null;
        if (refused || probeFailed || run >= TRANSIENT_RUN) {
            Duration pause = state.pause == null ? FIRST_PAUSE : min(state.pause.multipliedBy(2), MAX_PAUSE);
            String reason = failure.getMessage();
            if (state.pausedUntil == null) {
                Log.errorf(
                        "Window analysis paused: the LLM provider fails every call (%s); windows stay pending and "
                                + "a probe follows in %d s",
                        reason, pause.toSeconds());
            }
            state = new State(run, now.plus(pause), pause, reason, state.since == null ? now : state.since, refused);
        } else {
            state = new State(run, null, null, failure.getMessage(), state.since, false);
        }
        return refused;
    }

    /** What the breaker is doing, for readiness and the status. */
    public synchronized Status current() {
        boolean paused = state.pausedUntil != null;
        return new Status(
                paused,
                paused ? state.reason : null,
                paused ? state.since : null,
                paused ? state.pausedUntil : null,
                paused && state.refused);
    }

    private static boolean isRefusal(LlmException failure) {
        int status = failure.httpStatus().orElse(0);
        return status == 401 || status == 402 || status == 403;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * @param paused whether workers claim nothing now
     * @param reason the last failure, while paused
     * @param since when the outage began
     * @param nextProbeAt when the next window will be tried
     * @param refused whether the provider refuses the key or the account (an operator must act)
     */
    public record Status(boolean paused, String reason, Instant since, Instant nextProbeAt, boolean refused) {}

    private record State(
            int consecutive, Instant pausedUntil, Duration pause, String reason, Instant since, boolean refused) {

        static final State CLOSED = new State(0, null, null, null, null, false);
    }
}
