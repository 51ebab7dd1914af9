package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Points.PointStruct;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PipelineLargeWindowTest extends PipelineTestBase {

    @Test
    void everyMessageOfAThreeThousandMessageWindowReachesTheAnalysis() {
        qdrant.createWhisperEngineCollection("whisperengine_memory_elena_7d");
        List<PointStruct> points =
                bots.conversation("chatty", LocalDateTime.of(2025, 10, 19, 0, 1), 3_000, Duration.ofSeconds(25));
        qdrant.upsert("whisperengine_memory_elena_7d", points);
        List<String> contents = points.stream()
                .filter(p -> !p.getPayloadMap().get("role").getStringValue().equals("conversation_pair"))
                .map(p -> p.getPayloadMap().get("content").getStringValue())
                .toList();

        CycleOutcome outcome = cycle.run();

        assertThat(contents).hasSize(3_000);
        assertThat(outcome.analysed()).isEqualTo(1);
        assertThat(llm.requestCount()).as("chunks plus one merge").isGreaterThan(2);
        String sent = String.join(
                "\n", llm.requests().stream().map(r -> r.getBodyAsString()).toList());
        assertThat(contents).allSatisfy(content -> assertThat(sent).contains(jsonEscaped(content)));
        assertThat(db.rows("SELECT message_count FROM conversation_summaries")).containsExactly(List.of(3_000));
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
