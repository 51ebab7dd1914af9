package dev.enrichment.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.faults.ConversationSet.WindowKey;
import dev.enrichment.testsupport.LaunchedApp;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The undisturbed run: the packaged service on the generated data with a well-behaved LLM, once per test JVM. Its
 * outcome is itself checked against the data set before any scenario is compared with it.
 */
final class Reference {

    private static final String DATABASE = "faults_reference";
    private static Outcome outcome;

    private Reference() {}

    static synchronized Outcome outcome() throws Exception {
        if (outcome == null) {
            outcome = run();
        }
        return outcome;
    }

    private static Outcome run() throws Exception {
        FaultWorld world = FaultWorld.get();
        ConversationSet data = world.data();
        world.prepare(DATABASE);
        long started = System.nanoTime();
        try (LaunchedApp app = world.launch("reference", DATABASE, Map.of())) {
            world.awaitSettled(DATABASE, data.windowCount(), Duration.ofMinutes(3));
            Outcome reference = world.outcome(DATABASE);
            System.out.printf(
                    "[faults] undisturbed run: %d windows, %d summaries, %d facts, %d preferences, %d LLM calls, %d ms%n",
                    reference.windowCount(),
                    reference.summaries().size(),
                    reference.facts().size(),
                    reference.preferences().size(),
                    world.analyst().calls(),
                    (System.nanoTime() - started) / 1_000_000);
            Map<WindowKey, Integer> counts = new TreeMap<>();
            reference.summaries().forEach((key, summary) -> counts.put(key, summary.messageCount()));
            assertThat(counts).as(app.output()).isEqualTo(new TreeMap<>(data.eligibleWindows()));
            assertThat(reference.windowCount()).isEqualTo(data.windowCount());
            assertThat(reference.windows("done"))
                    .isEqualTo(data.eligibleWindows().size());
            assertThat(reference.windows("skipped"))
                    .isEqualTo(data.windowCount() - data.eligibleWindows().size());
            assertThat(reference.facts()).isNotEmpty();
            assertThat(reference.preferences()).isNotEmpty();
            // one call per eligible window, more only if a call outlived the 2 s read timeout on a loaded machine
            assertThat(world.analyst().calls())
                    .isGreaterThanOrEqualTo(data.eligibleWindows().size());
            MatrixAssertions.assertClean(reference);
            return reference;
        }
    }
}
