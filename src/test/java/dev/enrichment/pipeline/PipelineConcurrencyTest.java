package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.testsupport.llm.LlmStubs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PipelineConcurrencyTest extends PipelineTestBase {

    @Inject
    Discovery discovery;

    @Inject
    ConversationSource source;

    @Test
    void twoInstancesOnOneDatabaseAnalyseEachWindowOnce() {
        qdrant.createWhisperEngineCollection("whisperengine_memory_elena_7d");
        LocalDateTime day = LocalDateTime.of(2025, 10, 12, 9, 0);
        int windows = 0;
        for (int u = 0; u < 6; u++) {
            for (int d = 0; d < 4; d++) {
                qdrant.upsert(
                        "whisperengine_memory_elena_7d",
                        bots.conversation("user-" + u, day.plusDays(d), 6, Duration.ofMinutes(1)));
                windows++;
            }
        }
        List<BotCollection> collections = source.botCollections();
        collections.forEach(discovery::discover);
        // A slow provider keeps both instances busy at the same time.
        llm.willReturn(LlmStubs.completion(PipelineFixture.plainAnswer(), 10, 5).withFixedDelay(40));

        CompletableFuture<EnrichmentCycle.WorkTotals> first =
                CompletableFuture.supplyAsync(() -> cycle.processReady("instance-a", collections));
        CompletableFuture<EnrichmentCycle.WorkTotals> second =
                CompletableFuture.supplyAsync(() -> cycle.processReady("instance-b", collections));
        int analysed = first.join().analysed() + second.join().analysed();

        assertThat(analysed).isEqualTo(windows);
        assertThat(llm.requestCount()).isEqualTo(windows);
        assertThat(summaries()).isEqualTo(windows);
        assertThat(first.join().analysed()).as("both instances took part").isPositive();
        assertThat(second.join().analysed()).as("both instances took part").isPositive();
    }
}
