package dev.enrichment.pipeline;

import dev.enrichment.SqlRow;
import dev.enrichment.llm.LlmPrices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker's meters: per-cycle counts, window backlog, lag per bot (now minus its discovery cursor) and the
 * estimated LLM cost from the configured prices per million tokens.
 */
@ApplicationScoped
class EnrichmentMetrics {

    private final MeterRegistry registry;
    private final EntityManager em;
    private final LlmPrices prices;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, AtomicLong> lagByBot = new ConcurrentHashMap<>();

    EnrichmentMetrics(MeterRegistry registry, EntityManager em, LlmPrices prices, Clock clock) {
        this.registry = registry;
        this.em = em;
        this.prices = prices;
        this.clock = clock;
        registry.gauge("enrichment.windows.pending", pending);
        registry.gauge("enrichment.windows.failed", failed);
    }

    void recordCycle(CycleOutcome outcome, boolean completed) {
        registry.counter("enrichment.cycles", "outcome", completed ? "completed" : "failed")
                .increment();
        Timer.builder("enrichment.cycle.duration").register(registry).record(outcome.duration());
        registry.counter("enrichment.messages.discovered").increment(outcome.newMessages());
        registry.counter("enrichment.qdrant.requests").increment(outcome.qdrantRequests());
        window("analysed").increment(outcome.analysed());
        window("skipped").increment(outcome.skipped());
        window("failed").increment(outcome.failed());
        registry.counter("enrichment.rollups", "outcome", "built").increment(outcome.rollupsBuilt());
        registry.counter("enrichment.rollups", "outcome", "failed").increment(outcome.rollupsFailed());
        registry.counter("enrichment.llm.estimated.cost")
                .increment(prices.cost(outcome.promptTokens(), outcome.completionTokens()));
    }

    /** Re-reads the backlog and each bot's lag from the database. */
    void refreshBacklog() {
        QuarkusTransaction.requiringNew().run(this::readBacklog);
    }

    private void readBacklog() {
        pending.set(count(WindowStatus.PENDING));
        failed.set(count(WindowStatus.FAILED));
        Instant now = clock.instant();
        for (SqlRow row : SqlRow.all(SqlRow.query(
                em,
                "SELECT bot_name, min(cursor_at) AS cursor_at FROM enrichment_discovery_cursors GROUP BY bot_name"))) {
            String bot = row.text("bot_name");
            Instant cursor = row.instant("cursor_at");
            lagByBot.computeIfAbsent(
                            bot, b -> registry.gauge("enrichment.lag.seconds", Tags.of("bot", b), new AtomicLong()))
                    .set(Math.max(0, now.getEpochSecond() - cursor.getEpochSecond()));
        }
    }

    private long count(WindowStatus status) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM enrichment_windows WHERE status = :status")
                        .setParameter("status", status.databaseValue())
                        .getSingleResult())
                .longValue();
    }

    private Counter window(String outcome) {
        return registry.counter("enrichment.windows", "outcome", outcome);
    }
}
