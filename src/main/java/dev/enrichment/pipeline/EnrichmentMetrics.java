package dev.enrichment.pipeline;

import dev.enrichment.SqlValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final PipelineConfig config;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, AtomicLong> lagByBot = new ConcurrentHashMap<>();

    EnrichmentMetrics(MeterRegistry registry, EntityManager em, PipelineConfig config, Clock clock) {
        this.registry = registry;
        this.em = em;
        this.config = config;
        this.clock = clock;
        registry.gauge("enrichment.windows.pending", pending);
        registry.gauge("enrichment.windows.failed", failed);
    }

    void recordCycle(CycleOutcome outcome, boolean completed) {
        registry.counter("enrichment.cycles", "outcome", completed ? "completed" : "failed").increment();
        Timer.builder("enrichment.cycle.duration").register(registry).record(outcome.duration());
        registry.counter("enrichment.messages.discovered").increment(outcome.newMessages());
        registry.counter("enrichment.qdrant.requests").increment(outcome.qdrantRequests());
        window("analysed").increment(outcome.analysed());
        window("skipped").increment(outcome.skipped());
        window("failed").increment(outcome.failed());
        double cost = (outcome.promptTokens() * config.pricePerMillionPromptTokens()
                + outcome.completionTokens() * config.pricePerMillionCompletionTokens()) / 1_000_000d;
        registry.counter("enrichment.llm.estimated.cost").increment(cost);
    }

    /** Re-reads the backlog and each bot's lag from the database. */
    void refreshBacklog() {
        QuarkusTransaction.requiringNew().run(this::readBacklog);
    }

    private void readBacklog() {
        pending.set(count("pending"));
        failed.set(count("failed"));
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT bot_name, min(cursor_at) FROM enrichment_discovery_cursors GROUP BY bot_name")
                .getResultList();
        for (Object[] row : rows) {
            String bot = (String) row[0];
            Instant cursor = SqlValues.instant(row[1]);
            lagByBot.computeIfAbsent(bot, b -> registry.gauge("enrichment.lag.seconds", Tags.of("bot", b),
                    new AtomicLong()))
                    .set(Math.max(0, now.getEpochSecond() - cursor.getEpochSecond()));
        }
    }

    private long count(String status) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM enrichment_windows WHERE status = :status")
                .setParameter("status", status)
                .getSingleResult()).longValue();
    }

    private Counter window(String outcome) {
        return registry.counter("enrichment.windows", "outcome", outcome);
    }
}
