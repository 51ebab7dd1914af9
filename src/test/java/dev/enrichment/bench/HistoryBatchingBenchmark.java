package dev.enrichment.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.testsupport.Sql;
import dev.enrichment.testsupport.llm.AnalysisEcho;
import dev.enrichment.testsupport.llm.LlmStubs;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * BATCHING AND HISTORY BENCHMARK, not part of the default test run (the name does not end in Test). Run with
 * {@code TEST_POSTGRES=local ./mvnw -o test -Dtest=HistoryBatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Scenario 4b: a first-run backlog (20 users, the last {@code LOOKBACK_DAYS} = 3 days, 10 messages a day) analysed
 * one window per call and then batched, through the same path (the history job over those three days, which claims
 * and processes windows as the worker does); prompt and completion tokens per window, split into the fixed part
 * (system prompt and schema) and the transcript, and the cost per 1,000 windows at the configured prices. Scenario
 * 5: a history of 150 days, dry run and live run, the estimate against what the run used. The stub model counts 4
 * characters a token. Writes {@code target/bench/scenario-4b.json} and {@code target/bench/scenario-5.json}.
 */
// before WindowAnalysisBenchmark: that one runs under its own profile, and coming back from it restarts Quarkus
@QuarkusTest
@Order(5)
class HistoryBatchingBenchmark {

    private static final String COLLECTION = "whisperengine_memory_benchbot";
    private static final String JOBS = "/api/v1/admin/jobs";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private final WhisperEnginePoints points = WhisperEnginePoints.writer().seeded(7);

    @Test
    void batchedBacklogAndHistoryEnrichment() throws IOException {
        Sql sql = new Sql(dataSource);
        QdrantTestTarget qdrant = QdrantTestResource.target();
        LocalDateTime today =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        Instant to = today.toInstant(ZoneOffset.UTC);

        // Scenario 4b: the first run's backlog.
        reset(sql, qdrant);
        for (int u = 0; u < 20; u++) {
            for (int d = 1; d <= 3; d++) {
                day(qdrant, "user-" + u, today.minusDays(d), 10, u * 7 + d);
            }
        }
        Instant from = to.minus(Duration.ofDays(3));
        Run single = live(from, to, 1);
        Map<String, String> singleSummaries = summaries(sql);
        resetOutputs(sql);
        Run batched = live(from, to, 8);
        Map<String, String> batchedSummaries = summaries(sql);
        assertThat(batchedSummaries)
                .as("same outputs on the stub")
                .isEqualTo(singleSummaries)
                .hasSize(60);

        double saving = 100.0 * (1 - batched.promptPerWindow() / single.promptPerWindow());
        double promptPrice = price("llm.price-per-million-prompt-tokens");
        double completionPrice = price("llm.price-per-million-completion-tokens");
        List<ObjectNode> figures4 = new ArrayList<>();
        figures4.add(figure("windows analysed", single.windows, "windows", null, null));
        figures4.add(figure("prompt tokens per window, one call each", single.promptPerWindow(), "tokens", null, null));
        figures4.add(figure("of which fixed (system prompt, schema)", single.fixedPerWindow(), "tokens", null, null));
        figures4.add(figure("of which transcript", single.transcriptPerWindow(), "tokens", null, null));
        figures4.add(figure("prompt tokens per window, batched", batched.promptPerWindow(), "tokens", null, null));
        figures4.add(figure("of which fixed, batched", batched.fixedPerWindow(), "tokens", null, null));
        figures4.add(figure("of which transcript, batched", batched.transcriptPerWindow(), "tokens", null, null));
        figures4.add(figure(
                "completion tokens per window, one call each", single.completionPerWindow(), "tokens", null, null));
        figures4.add(
                figure("completion tokens per window, batched", batched.completionPerWindow(), "tokens", null, null));
        figures4.add(figure("calls, one call each", single.calls, "calls", null, null));
        figures4.add(figure("calls, batched", batched.calls, "calls", null, null));
        figures4.add(figure("prompt tokens saved per window", saving, "%", ">= 35", saving >= 35));
        figures4.add(figure(
                "estimated cost per 1,000 windows, one call each",
                single.costPer1000(promptPrice, completionPrice),
                "USD",
                null,
                null));
        figures4.add(figure(
                "estimated cost per 1,000 windows, batched",
                batched.costPer1000(promptPrice, completionPrice),
                "USD",
                null,
                null));
        figures4.add(figure("same outputs as one call each", 1, "bool", "1", true));
        write("scenario-4b", "Tokens and cost per window; batched backlog analysis (first run)", figures4);

        // Scenario 5: history enrichment over 150 days.
        reset(sql, qdrant);
        for (int u = 0; u < 10; u++) {
            for (int d = 4 + u % 3; d <= 150; d += 5) {
                day(qdrant, "user-" + u, today.minusDays(d), 6 + (d + u) % 9, u * 1000 + d);
            }
        }
        Instant historyFrom = to.minus(Duration.ofDays(150));
        JsonNode dry = awaitEnd(start(historyFrom, to, 8, true)).path("result");
        long started = System.nanoTime();
        JsonNode liveJob = awaitEnd(start(historyFrom, to, 8, false));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        JsonNode live = liveJob.path("result");
        long estimated = dry.path("estimated_prompt_tokens").asLong();
        long used = live.path("prompt_tokens").asLong();
        double deviation = 100.0 * Math.abs(estimated - used) / used;
        long estimatedTotal =
                estimated + dry.path("estimated_completion_tokens").asLong();
        long usedTotal = used + live.path("completion_tokens").asLong();
        List<ObjectNode> figures5 = new ArrayList<>();
        figures5.add(figure("windows", dry.path("windows").asLong(), "windows", null, null));
        figures5.add(figure("messages", dry.path("messages").asLong(), "messages", null, null));
        figures5.add(
                figure("windows analysed by the live run", live.path("analysed").asLong(), "windows", null, null));
        figures5.add(figure("estimated prompt tokens (dry run)", estimated, "tokens", null, null));
        figures5.add(figure("prompt tokens used (live run)", used, "tokens", null, null));
        figures5.add(figure("prompt token estimate deviation", deviation, "%", "<= 15", deviation <= 15));
        figures5.add(figure("estimated tokens, prompt + completion", estimatedTotal, "tokens", null, null));
        figures5.add(figure("tokens used, prompt + completion", usedTotal, "tokens", null, null));
        figures5.add(figure(
                "total token estimate deviation",
                100.0 * Math.abs(estimatedTotal - usedTotal) / usedTotal,
                "%",
                null,
                null));
        figures5.add(figure(
                "estimated cost (dry run)", dry.path("estimated_cost_usd").asDouble(), "USD", null, null));
        figures5.add(figure("cost of the live run", live.path("cost_usd").asDouble(), "USD", null, null));
        figures5.add(figure("LLM calls", callCount(), "calls", null, null));
        figures5.add(figure("live run duration (stub LLM)", took.toMillis(), "ms", null, null));
        for (JsonNode phase : live.path("phases")) {
            String name = "phase " + phase.path("phase").asText();
            figures5.add(figure(name + ": windows", phase.path("windows").asLong(), "windows", null, null));
            figures5.add(figure(
                    name + ": estimated prompt tokens",
                    phase.path("estimated_prompt_tokens").asLong(),
                    "tokens",
                    null,
                    null));
            figures5.add(figure(
                    name + ": prompt tokens used", phase.path("prompt_tokens").asLong(), "tokens", null, null));
            figures5.add(figure(name + ": cost", phase.path("cost_usd").asDouble(), "USD", null, null));
        }
        write("scenario-5", "History enrichment, phase by phase: dry-run estimate against the live run", figures5);
        reset(sql, qdrant);
    }

    /** Runs a live history job and measures its calls from the stub's log. */
    private Run live(Instant from, Instant to, int batch) {
        JsonNode job = awaitEnd(start(from, to, batch, false));
        Run run = new Run();
        run.windows = job.path("result").path("analysed").asLong();
        for (ServeEvent event : LlmWireMockResource.server().getAllServeEvents()) {
            JsonNode request = read(event.getRequest().getBodyAsString());
            JsonNode usage = read(event.getResponse().getBodyAsString()).path("usage");
            run.calls++;
            run.prompt += usage.path("prompt_tokens").asLong();
            run.completion += usage.path("completion_tokens").asLong();
            long fixedChars = request.path("response_format").toString().length();
            long transcriptChars = 0;
            for (JsonNode message : request.path("messages")) {
                String text = message.path("content").isTextual()
                        ? message.path("content").asText()
                        : message.path("content").path(0).path("text").asText();
                if (message.path("role").asText().equals("system")) {
                    fixedChars += text.length();
                } else {
                    transcriptChars += text.length();
                }
            }
            run.fixed += (fixedChars + 3) / 4;
            run.transcript += (transcriptChars + 3) / 4;
        }
        Log.infof(
                "Batch %d: %d windows, %d calls, prompt tokens per window %.1f (fixed %.1f, transcript %.1f), "
                        + "completion %.1f",
                batch,
                run.windows,
                run.calls,
                run.promptPerWindow(),
                run.fixedPerWindow(),
                run.transcriptPerWindow(),
                run.completionPerWindow());
        return run;
    }

    private String start(Instant from, Instant to, int batch, boolean dryRun) {
        LlmWireMockResource.server().resetAll();
        LlmStubs.on(LlmWireMockResource.server()).willReturn(AnalysisEcho.answers());
        return given().header("X-API-Key", "test-admin-key")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "dry_run",
                        dryRun,
                        "from",
                        from.toString(),
                        "to",
                        to.toString(),
                        "bots",
                        List.of("benchbot"),
                        "calls_per_minute",
                        10_000,
                        "batch_max_windows",
                        batch))
                .post(JOBS + "/history-enrichment")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private JsonNode awaitEnd(String id) {
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String status = given().header("X-API-Key", "test-admin-key")
                            .get(JOBS + "/" + id)
                            .then()
                            .extract()
                            .path("status");
                    return !status.equals("queued") && !status.equals("running");
                });
        JsonNode job = read(given().header("X-API-Key", "test-admin-key")
                .get(JOBS + "/" + id)
                .then()
                .extract()
                .asString());
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        return job;
    }

    private void day(QdrantTestTarget qdrant, String user, LocalDateTime day, int exchanges, int seed) {
        List<io.qdrant.client.grpc.Points.PointStruct> all = new ArrayList<>();
        for (int e = 0; e < exchanges / 2 + 1; e++) {
            LocalDateTime at = day.plusHours(9).plusMinutes(4L * e);
            all.addAll(points.exchange(
                    user,
                    at,
                    "Today (" + seed + "/" + e + ") I finally repotted the monstera and planned the weekend trip to "
                            + "the coast with my sister; the exam on Friday still worries me a bit.",
                    "That sounds like a full day! How did the monstera take it, and what worries you most about "
                            + "Friday's exam? We could go through the hardest topics together."));
        }
        qdrant.upsert(COLLECTION, all);
    }

    private static long callCount() {
        return LlmWireMockResource.server().getAllServeEvents().size();
    }

    private static Map<String, String> summaries(Sql sql) {
        Map<String, String> byWindow = new TreeMap<>();
        for (Map<String, Object> row :
                sql.rows("SELECT user_id, start_timestamp, summary_text FROM conversation_summaries")) {
            byWindow.put(row.get("user_id") + "@" + row.get("start_timestamp"), (String) row.get("summary_text"));
        }
        return byWindow;
    }

    private static void reset(Sql sql, QdrantTestTarget qdrant) {
        qdrant.deleteAllCollections();
        qdrant.createWhisperEngineCollection(COLLECTION);
        resetOutputs(sql);
    }

    private static void resetOutputs(Sql sql) {
        sql.update("""
                TRUNCATE enrichment_jobs, enrichment_windows, enrichment_discovery_cursors,
                    enrichment_summary_revisions, enrichment_fact_history, conversation_summaries,
                    user_fact_relationships, entity_relationships, fact_entities, universal_users CASCADE
                """);
    }

    private static double price(String property) {
        return ConfigProvider.getConfig().getValue(property, Double.class);
    }

    private static ObjectNode figure(String name, double value, String unit, String target, Boolean met) {
        ObjectNode figure = JSON.createObjectNode();
        figure.put("name", name);
        figure.put("value", Math.round(value * 100) / 100.0);
        figure.put("unit", unit);
        figure.put("target", target);
        if (met == null) {
            figure.putNull("met");
        } else {
            figure.put("met", met);
        }
        return figure;
    }

    private static void write(String id, String name, List<ObjectNode> figures) throws IOException {
        ObjectNode report = JSON.createObjectNode();
        report.put("id", id);
        report.put("name", name);
        ArrayNode array = report.putArray("figures");
        figures.forEach(array::add);
        Path file = Path.of("target", "bench", id + ".json");
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), report);
        Log.infof("%s: %s", id, report);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls and tokens of one live run, from the stub's log. */
    private static final class Run {
        long windows;
        long calls;
        long prompt;
        long completion;
        long fixed;
        long transcript;

        double promptPerWindow() {
            return (double) prompt / windows;
        }

        double completionPerWindow() {
            return (double) completion / windows;
        }

        double fixedPerWindow() {
            return (double) fixed / windows;
        }

        double transcriptPerWindow() {
            return (double) transcript / windows;
        }

        double costPer1000(double promptPrice, double completionPrice) {
            return 1000 * (promptPerWindow() * promptPrice + completionPerWindow() * completionPrice) / 1_000_000;
        }
    }
}
