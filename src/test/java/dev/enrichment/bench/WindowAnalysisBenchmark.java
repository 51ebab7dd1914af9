package dev.enrichment.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enrichment.bench.baseline.OldWorkerBaseline;
import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.pipeline.Discovery;
import dev.enrichment.pipeline.EnrichmentCycle;
import dev.enrichment.pipeline.WindowClaimSql;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 3 and 4: window analysis against the stub LLM at 0 and 1,000 ms latency with 1, 4 and 16 windows in
 * flight (windows per minute, LLM calls and Qdrant requests per window, the claim's plan at a large backlog), and the
 * tokens and cost of one window's analysis. Runs after the benchmarks on the default profile: its own profile restarts
 * the application.
 */
@QuarkusTest
@TestProfile(WindowAnalysisBenchmark.OneWorkerPerCall.class)
@Order(6)
class WindowAnalysisBenchmark {

    private static final int MESSAGES_PER_WINDOW = 20;

    /** The cycle's own pool at one worker: the benchmark runs 1, 4 or 16 of them, as replicas would. */
    public static class OneWorkerPerCall implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "enrichment.concurrency", "1",
                    "llm.max-concurrency", "16",
                    "quarkus.datasource.jdbc.max-size", "40",
                    "llm.read-timeout", "10s");
        }
    }

    @Inject
    EnrichmentCycle cycle;

    @Inject
    Discovery discovery;

    @Inject
    ConversationSource source;

    @Inject
    DataSource dataSource;

    private BenchWorld world;

    @Test
    void windowsPerMinuteAtEachLatencyAndConcurrency() throws Exception {
        assumeTrue(QdrantTestResource.target().isDouble(), "counts requests on the Qdrant test double");
        BenchReport.Scenario report = BenchReport.scenario("3", "Window analysis");
        List<JsonNode> requestBodies = new ArrayList<>();
        Double baselineCallsPerWindow = null;
        for (int latency : new int[] {0, 1000}) {
            for (int concurrency : new int[] {1, 4, 16}) {
                int windows = latency == 0
                        ? BenchReport.scaled(400, 16)
                        : BenchReport.scaled(concurrency == 1 ? 30 : concurrency == 4 ? 80 : 320, 3 * concurrency);
                Run run = run(latency, concurrency, windows);
                if (requestBodies.isEmpty()) {
                    requestBodies.addAll(
                            LlmStubs.on(LlmWireMockResource.server()).requestBodies());
                    baselineCallsPerWindow = baselineLlmCallsPerWindow();
                }
                String label = String.format(Locale.ROOT, "latency %d ms, concurrency %d", latency, concurrency);
                boolean target = latency == 1000 && concurrency == 16;
                report.figure(
                        label + ": windows/min",
                        run.windowsPerMinute(),
                        "windows/min",
                        target ? ">= 900" : null,
                        target ? run.windowsPerMinute() >= 900 : null,
                        // the old worker analysed one window at a time, its calls in sequence
                        latency == 0 ? null : 60_000.0 / (latency * baselineCallsPerWindow));
                report.figure(
                        label + ": LLM calls per window",
                        run.llmCalls() / (double) run.windows(),
                        "calls",
                        null,
                        null,
                        baselineCallsPerWindow);
                report.figure(
                        label + ": Qdrant requests per window",
                        run.qdrantRequests() / (double) run.windows(),
                        "requests");
                report.figure(label + ": windows analysed", run.windows(), "windows");
            }
        }
        report.note("Baseline windows/min is derived: the old worker analysed windows one at a time, its LLM calls in "
                + "sequence, so 60 s / (latency x its LLM calls per window); its calls per window counted by "
                + "re-enacting its pattern on the same data (2 per summary piece plus 1 per 20 user lines and 1 for "
                + "preferences per user).");
        report.note("Claim plan at " + claimPlan());
        report.write();

        tokens(requestBodies);
    }

    private record Run(int windows, long llmCalls, long qdrantRequests, long nanos) {
        double windowsPerMinute() {
            return windows * 60e9 / nanos;
        }
    }

    private Run run(int latencyMillis, int concurrency, int windows) throws Exception {
        world = BenchWorld.reset(dataSource);
        LlmWireMockResource.server().resetAll();
        LlmStubs.on(LlmWireMockResource.server())
                .willReturn(LlmStubs.completion(answer(), 1200, 180).withFixedDelay(latencyMillis));
        String collection = world.collections("analysis", 1).get(0);
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        BenchConversations.seed(
                world.qdrant,
                collection,
                "user-",
                new BenchConversations.Shape(windows, 1, MESSAGES_PER_WINDOW / 2, yesterday),
                latencyMillis + concurrency);
        List<BotCollection> collections = source.botCollections();
        collections.forEach(discovery::discover);
        assertThat(count("SELECT count(*) FROM enrichment_windows WHERE status = 'pending'"))
                .isEqualTo(windows);

        long qdrantBefore = world.qdrantDouble.totalRequests();
        long start = System.nanoTime();
        // own threads: the common pool has one thread on a two-core machine
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                String owner = "bench-worker-" + i;
                workers.add(CompletableFuture.runAsync(() -> cycle.processReady(owner, collections), threads));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();
        } finally {
            threads.shutdownNow();
        }
        long nanos = System.nanoTime() - start;
        long analysed = count("SELECT count(*) FROM enrichment_windows WHERE status = 'done'");
        assertThat(analysed).as("every window analysed").isEqualTo(windows);
        return new Run(
                windows,
                LlmStubs.on(LlmWireMockResource.server()).requestCount(),
                world.qdrantDouble.totalRequests() - qdrantBefore,
                nanos);
    }

    /** The old worker's LLM calls per summary piece on this data: one run of its pattern over the collection. */
    private double baselineLlmCallsPerWindow() {
        List<String> names = source.botCollections().stream()
                .map(BotCollection::collectionName)
                .toList();
        OldWorkerBaseline baseline = new OldWorkerBaseline(
                world.qdrant.client(), Instant.now().minus(Duration.ofDays(14)).getEpochSecond());
        OldWorkerBaseline.CycleFigures old = baseline.cycle(names);
        return old.summaryPieces() == 0 ? Double.NaN : old.llmCalls() / (double) old.summaryPieces();
    }

    /**
     * The claim's plan with a million pending windows (scaled): an index scan in claim order, no sort. Each n is its
     * own (user, day): n / 300 and n % 300.
     */
    private String claimPlan() {
        int backlog = BenchReport.scaled(1_000_000, 10_000);
        world.sql.update("TRUNCATE enrichment_windows");
        world.sql.update("""
                INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status,
                    newest_message_at, marked_count, attempts, created_at, updated_at)
                SELECT 'bench', 'user-' || (n / 300), ts, ts + interval '1 day', 'pending', ts, 1, 0, ts, ts
                  FROM generate_series(1, ?) AS n,
                       LATERAL (SELECT timestamptz '2025-01-01' + (n % 300) * interval '1 day' AS ts) t""", backlog);
        world.sql.update("ANALYZE enrichment_windows");
        String plan = world.sql.rows("EXPLAIN (ANALYZE, COSTS OFF) " + WindowClaimSql.readyWindowAtNow()).stream()
                .map(row -> row.values().iterator().next().toString())
                .collect(Collectors.joining("\n"));
        world.sql.update("TRUNCATE enrichment_windows");
        assertThat(plan).contains("idx_enrichment_windows_claim").doesNotContain("Sort");
        return String.format(Locale.ROOT, "%,d pending windows (EXPLAIN ANALYZE):%n%s", backlog, plan);
    }

    /** Scenario 4: tokens per analysed window from the requests actually sent, split into fixed part and transcript. */
    private void tokens(List<JsonNode> bodies) {
        double fixed = 0;
        double transcript = 0;
        for (JsonNode body : bodies) {
            for (JsonNode message : body.path("messages")) {
                if (message.path("role").asText().equals("system")) {
                    fixed += message.path("content").asText().length();
                } else {
                    transcript += message.path("content").asText().length();
                }
            }
            fixed += body.path("response_format").toString().length();
        }
        int calls = bodies.size();
        // about four characters per token for English text and JSON; the stub's usage figures are not a model's
        double fixedTokens = fixed / calls / 4;
        double transcriptTokens = transcript / calls / 4;
        double completionTokens = answer().length() / 4.0;
        double promptPrice = ConfigProvider.getConfig().getValue("llm.price-per-million-prompt-tokens", Double.class);
        double completionPrice =
                ConfigProvider.getConfig().getValue("llm.price-per-million-completion-tokens", Double.class);
        double perThousand =
                1000 * ((fixedTokens + transcriptTokens) * promptPrice + completionTokens * completionPrice) / 1e6;
        BenchReport.scenario("4", "Tokens and cost per window")
                .figure("prompt tokens per window: fixed part (system prompt, schema)", fixedTokens, "tokens")
                .figure(
                        "prompt tokens per window: transcript (" + MESSAGES_PER_WINDOW + " messages)",
                        transcriptTokens,
                        "tokens")
                .figure("completion tokens per window", completionTokens, "tokens")
                .figure("LLM calls per window", calls / (double) BenchReport.scaled(400, 16), "calls")
                .figure("estimated cost per 1,000 windows", perThousand, "USD")
                .figure("batched backlog: cost per 1,000 windows", Double.NaN, "USD")
                .note(String.format(
                        Locale.ROOT,
                        "Tokens estimated as characters / 4 from the %d requests the service sent in scenario 3 "
                                + "(latency 0, concurrency 1); completion from a typical answer. Prices: configured "
                                + "%.2f / %.2f USD per million prompt / completion tokens. The batched figure is "
                                + "left for the batched backlog analysis (scenario 4b).",
                        calls,
                        promptPrice,
                        completionPrice))
                .write();
    }

    private long count(String sql) {
        return ((Number) world.sql.value(sql)).longValue();
    }

    /** A typical valid answer in the schema the pipeline asks for. */
    private static String answer() {
        return """
                {"summary": "The user talked about finishing a marine biology assignment on octopus camouflage and \
                planned a weekend hike by the lake with their sister. Work stress came up around a moved deadline; \
                the bot suggested ways to feel more in control. They also discussed a failed first sourdough loaf and \
                whether to adopt a second cat for Miso.", "key_topics": ["marine biology", "hiking", "work stress", \
                "baking", "cats"], "emotional_tone": "positive", "confidence": 0.9, "facts": [], "preferences": []}""";
    }
}
