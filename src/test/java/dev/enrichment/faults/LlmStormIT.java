package dev.enrichment.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.testsupport.LaunchedApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way an LLM misbehaves, mixed in one run: 30 % of all calls rate limited with {@code Retry-After}, and each
 * window's first answers a 500, a timeout, garbage, a truncated, empty or fenced answer, schema-valid nonsense or a
 * 200 KB answer. The database must end as in an undisturbed run.
 */
class LlmStormIT {

    private static final List<LlmFault> ROTATION = List.of(
            LlmFault.SERVER_ERROR,
            LlmFault.TIMEOUT,
            LlmFault.GARBAGE,
            LlmFault.TRUNCATED,
            LlmFault.EMPTY,
            LlmFault.FENCED,
            LlmFault.EMPTY_SUMMARY,
            LlmFault.CONFIDENCE_SEVEN,
            LlmFault.UNKNOWN_ENUM,
            LlmFault.HUGE);

    private static FaultWorld world;
    private static Outcome reference;

    @BeforeAll
    static void reference() throws Exception {
        world = FaultWorld.get();
        assumeTrue(world.hasQdrantDouble(), "the scenarios reseed Qdrant between runs");
        reference = Reference.outcome();
    }

    @Test
    void aStormOfBadAnswersEndsWithTheSameDatabaseAsAnUndisturbedRun() throws Exception {
        String database = "faults_llm_storm";
        int faultsPerWindow = FaultWorld.LONG ? 4 : 2;
        world.prepare(database);
        world.analyst().plan(new StormPlan(faultsPerWindow));
        try (LaunchedApp app = world.launch("llm-storm", database, Map.of())) {
            world.awaitSettled(database, world.data().windowCount(), Duration.ofMinutes(4));
            Outcome outcome = world.outcome(database);
            ScriptedAnalyst analyst = world.analyst();
            StringBuilder served = new StringBuilder();
            for (LlmFault fault : LlmFault.values()) {
                served.append(fault).append('=').append(analyst.served(fault)).append(' ');
            }
            System.out.printf(
                    "[faults] LLM storm: %d calls for %d windows: %s%n",
                    analyst.calls(),
                    world.data().eligibleWindows().size(),
                    served.toString().strip());

            MatrixAssertions.assertSameAsReference(outcome, reference, app.output());
            for (LlmFault fault : ROTATION) {
                assertThat(analyst.served(fault)).as("%s served", fault).isPositive();
            }
            assertThat(analyst.served(LlmFault.RATE_LIMITED) * 10)
                    .as("rate limited calls, in tenths of all calls")
                    .isBetween(analyst.calls() * 2, analyst.calls() * 4);
            assertThat(world.count(database, "SELECT max(length(summary_text)) FROM conversation_summaries"))
                    .isLessThan(2_000);
        }
    }

    /**
     * Calls 1, 4, 7, 11, ... (30 %) are rate limited whatever they carry; otherwise a window's first
     * {@code faultsPerWindow} calls get the next faults of the rotation, the following ones the right answer.
     */
    private static final class StormPlan implements ScriptedAnalyst.FaultPlan {

        private final int faultsPerWindow;
        private final Map<String, AtomicInteger> unlimitedCalls = new ConcurrentHashMap<>();
        private final AtomicInteger nextFault = new AtomicInteger();

        StormPlan(int faultsPerWindow) {
            this.faultsPerWindow = faultsPerWindow;
        }

        @Override
        public LlmFault decide(int call, String transcript, int callOfTranscript) {
            int tenth = call % 10;
            if (tenth == 1 || tenth == 4 || tenth == 7) {
                return LlmFault.RATE_LIMITED;
            }
            int attempt = unlimitedCalls
                    .computeIfAbsent(transcript, key -> new AtomicInteger())
                    .incrementAndGet();
            return attempt <= faultsPerWindow
                    ? ROTATION.get(nextFault.getAndIncrement() % ROTATION.size())
                    : LlmFault.NONE;
        }
    }
}
