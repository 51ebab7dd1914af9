package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.demo.DemoDataSet;
import dev.enrichment.demo.DemoDataSet.DemoCollection;
import dev.enrichment.demo.DemoDataSet.DemoWindow;
import dev.enrichment.demo.WhisperEnginePoints.Malformation;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo data set drives the real worker: one summary per big-enough day, the small days skipped. */
@QuarkusTest
class DemoDataCycleTest extends PipelineTestBase {

    @Test
    void firstCycleSummarisesEveryDemoWindowWithFiveOrMoreMessages() {
        // At midnight every window of the demo's last day has closed, so all are analysed at once, and the first
        // cycle's fourteen days of look-back reach back exactly to the start of the demo's first day.
        Instant midnight = Instant.parse("2025-10-21T00:00:00Z");
        clock.set(midnight);
        DemoDataSet demo = DemoDataSet.build(LocalDate.of(2025, 10, 20), midnight);
        for (DemoCollection collection : demo.collections()) {
            qdrant.createWhisperEngineCollection(collection.name());
            qdrant.upsert(collection.name(), collection.points());
        }
        Map<String, Integer> bigEnough = new HashMap<>();
        for (DemoWindow window : demo.windows()) {
            if (window.messages() >= 5) {
                bigEnough.put(window.bot() + "|" + window.userId() + "|" + window.day(), window.messages());
            }
        }

        CycleOutcome outcome = cycle.run();

        // discovery reads no text, so the demo's points with unusable text count as new until their window is read
        long unusableText = Arrays.stream(Malformation.values())
                .filter(kind -> kind.name().endsWith("_CONTENT"))
                .count();
        assertThat(outcome.newMessages()).isEqualTo(demo.messageCount() + unusableText);
        // points without timestamp_unix are never listed by a time-bounded read, so never set aside either
        long timeless = Arrays.stream(Malformation.values())
                .filter(kind -> kind.name().endsWith("_TIMESTAMP"))
                .count();
        assertThat(db.count("SELECT count(*) FROM enrichment_quarantine")).isEqualTo(demo.malformedPoints() - timeless);
        assertThat(outcome.analysed()).isEqualTo(bigEnough.size());
        assertThat(outcome.skipped()).isEqualTo(demo.windows().size() - bigEnough.size());
        assertThat(outcome.failed()).isZero();
        Map<String, Integer> stored = new HashMap<>();
        for (List<Object> row :
                db.rows("SELECT bot_name, user_id, start_timestamp, message_count FROM conversation_summaries")) {
            stored.put(
                    row.get(0) + "|" + row.get(1) + "|"
                            + PipelineFixture.localDateTime(row.get(2)).toLocalDate(),
                    ((Number) row.get(3)).intValue());
        }
        assertThat(stored).isEqualTo(bigEnough);
    }
}
