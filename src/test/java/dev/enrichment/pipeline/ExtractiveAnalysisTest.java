package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ExtractiveAnalysisTest.WithoutLlmKey.class)
class ExtractiveAnalysisTest extends PipelineTestBase {

    /** The embedded default: no LLM key at all. */
    public static class WithoutLlmKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.api-key", " ");
        }
    }

    @Test
    void writesExtractiveSummariesWithLowConfidenceAndNoLlmCall() {
        qdrant.createWhisperEngineCollection("whisperengine_memory_elena_7d");
        qdrant.upsert(
                "whisperengine_memory_elena_7d",
                bots.exchange(
                        "ivy",
                        LocalDateTime.of(2025, 10, 18, 9, 0),
                        "I spent the whole weekend hiking in the mountains near Sintra with my sister.",
                        "That sounds wonderful, how long was the hike?"));
        qdrant.upsert(
                "whisperengine_memory_elena_7d",
                bots.conversation("ivy", LocalDateTime.of(2025, 10, 18, 10, 0), 6, Duration.ofMinutes(1)));

        CycleOutcome outcome = cycle.run();

        assertThat(outcome.analysed()).isEqualTo(1);
        assertThat(llm.requestCount()).isZero();
        List<List<Object>> rows = db.rows(
                "SELECT summary_type, confidence_score, length(summary_text), message_count FROM conversation_summaries");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(0)).isEqualTo("extractive");
        assertThat(((Number) rows.get(0).get(1)).doubleValue()).isLessThanOrEqualTo(0.35);
        assertThat(((Number) rows.get(0).get(2)).intValue()).isGreaterThanOrEqualTo(40);
        assertThat(((Number) rows.get(0).get(3)).intValue()).isEqualTo(8);
        assertThat(db.count("SELECT count(*) FROM user_fact_relationships")).isZero();
    }
}
