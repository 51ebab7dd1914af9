package dev.enrichment.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Renews the leases of the windows this process is working on, so that a lease can be short: a live worker keeps its
 * window however long the LLM takes, and a window held by a process that died comes back after one lease
 * ({@code ENRICHMENT_LEASE}) instead of waiting out a long one.
 */
@ApplicationScoped
class LeaseKeeper {

    private final Set<ClaimedWindow> held = ConcurrentHashMap.newKeySet();
    private final EntityManager em;
    private final PipelineConfig config;
    private final Clock clock;

    LeaseKeeper(EntityManager em, PipelineConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    void hold(ClaimedWindow claimed) {
        held.add(claimed);
    }

    void letGo(ClaimedWindow claimed) {
        held.remove(claimed);
    }

    /** Extends every held lease to now plus ENRICHMENT_LEASE; a lease taken over meanwhile is left alone. */
    @Scheduled(
            identity = "lease-renewal",
            every = "${enrichment-lease-renewal.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        Instant until = clock.instant().plus(config.lease());
        Map<String, List<Long>> idsByOwner = held.stream()
                .collect(Collectors.groupingBy(
                        ClaimedWindow::owner, Collectors.mapping(ClaimedWindow::id, Collectors.toList())));
        QuarkusTransaction.requiringNew()
                .run(() -> idsByOwner.forEach((owner, ids) -> em.createNativeQuery("""
                                UPDATE enrichment_windows SET lease_expires_at = :until
                                WHERE id IN :ids AND lease_owner = :owner AND status = 'processing'
                                """)
                        .setParameter("until", until)
                        .setParameter("ids", ids)
                        .setParameter("owner", owner)
                        .executeUpdate()));
    }
}
