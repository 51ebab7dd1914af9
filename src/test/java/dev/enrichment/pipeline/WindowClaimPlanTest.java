package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The claim reads the oldest ready window through an index in claim order, not by sorting the whole backlog. */
@QuarkusTest
class WindowClaimPlanTest extends PipelineTestBase {

    @Test
    void claimsThroughTheIndexWithoutSortingTheBacklog() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            INSERT INTO enrichment_windows (bot_name, user_id, window_start, window_end, status,
                                newest_message_at, marked_count, attempts, created_at, updated_at)
                            SELECT 'elena', 'user-' || (n % 5000), ts, ts + interval '1 day', 'pending', ts, 1, 0, ts, ts
                              FROM generate_series(1, 50000) AS n,
                                   LATERAL (SELECT timestamptz '2025-01-01' + (n / 5000) * interval '1 day' AS ts) t
                            """).executeUpdate();
            em.createNativeQuery("ANALYZE enrichment_windows").executeUpdate();
        });

        String plan = QuarkusTransaction.requiringNew().call(() -> {
            List<?> lines = em.createNativeQuery("EXPLAIN "
                            + WindowQueue.READY_WINDOW
                                    .replace(":now", "now()")
                                    .replace(":quietBefore", "now()")
                                    .replace(":resummarizeBefore", "now()"))
                    .getResultList();
            return lines.stream().map(Object::toString).collect(Collectors.joining("\n"));
        });
        System.out.println("[claim-plan] 50,000 pending windows:\n" + plan);

        assertThat(plan).contains("idx_enrichment_windows_claim").doesNotContain("Sort");
    }
}
