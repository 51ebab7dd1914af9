package dev.enrichment.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.demo.WhisperEnginePoints.Malformation;
import io.qdrant.client.grpc.Points.PointStruct;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PipelineCycleTest extends PipelineTestBase {

    private static final Map<String, String> COLLECTIONS = Map.of(
            "whisperengine_memory_elena_7d", "elena",
            "whisperengine_memory_marcus", "marcus",
            "chat_memories_dotty", "dotty");

    @Test
    void summarisesEveryBigEnoughDayOnceWithItsCountedMessages() {
        Map<String, Integer> expected = seedTenDaysOfThreeBots();

        CycleOutcome outcome = cycle.run();

        Map<String, Integer> stored = new HashMap<>();
        for (List<Object> row : db.rows(
                "SELECT bot_name, user_id, start_timestamp, end_timestamp, message_count, summary_text, summary_type"
                        + " FROM conversation_summaries")) {
            String key = row.get(0) + "|" + row.get(1) + "|" + PipelineFixture.localDateTime(row.get(2));
            assertThat(stored.put(key, ((Number) row.get(4)).intValue()))
                    .as("one summary per window")
                    .isNull();
            assertThat(row.get(5).toString())
                    .startsWith("The user talked with the bot about marine biology")
                    .doesNotContain("Topics and details discussed");
            assertThat(row.get(6)).isEqualTo("time_window");
        }
        Map<String, Integer> bigEnough = new HashMap<>();
        expected.forEach((key, count) -> {
            if (count >= 5) {
                bigEnough.put(key, count);
            }
        });
        assertThat(stored).isEqualTo(bigEnough);
        assertThat(outcome.analysed()).isEqualTo(bigEnough.size());
        assertThat(outcome.failed()).isZero();
        assertThat(llm.requestCount()).isEqualTo(bigEnough.size());
        assertThat(db.count("SELECT count(*) FROM enrichment_windows WHERE status = 'skipped'"))
                .isEqualTo(expected.values().stream().filter(c -> c < 5).count());
    }

    @Test
    void idleCycleCostsOneRequestPerCollectionPlusOneAndNoLlmCall() {
        seedTenDaysOfThreeBots();
        // The newest messages are only minutes old: inside the re-read overlap band.
        for (String collection : COLLECTIONS.keySet()) {
            qdrant.upsert(
                    collection,
                    bots.conversation("fresh-user", naive(NOW.minusSeconds(240)), 4, Duration.ofSeconds(30)));
        }
        cycle.run();
        int llmCallsAfterFirst = llm.requestCount();
        PipelineFixture.qdrantDouble().resetCounters();

        CycleOutcome second = cycle.run();

        assertThat(PipelineFixture.qdrantDouble().totalRequests()).isLessThanOrEqualTo(1 + COLLECTIONS.size());
        assertThat(second.qdrantRequests()).isLessThanOrEqualTo(1 + COLLECTIONS.size());
        assertThat(llm.requestCount()).isEqualTo(llmCallsAfterFirst);
        assertThat(second.newMessages()).isZero();
        assertThat(second.windowsMarked()).isZero();
        assertThat(second.analysed() + second.skipped() + second.failed()).isZero();
    }

    @Test
    void newMessagesReanalyseExactlyTheirWindows() {
        LocalDateTime today = LocalDateTime.of(2025, 10, 21, 0, 0);
        qdrant.createWhisperEngineCollection("whisperengine_memory_elena_7d");
        for (String user : List.of("ana", "ben", "cleo")) {
            qdrant.upsert(
                    "whisperengine_memory_elena_7d",
                    bots.conversation(user, today.plusMinutes(1), 6, Duration.ofSeconds(20)));
        }
        CycleOutcome first = cycle.run();
        assertThat(first.analysed()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(10));
        for (String user : List.of("ana", "ben")) {
            qdrant.upsert(
                    "whisperengine_memory_elena_7d",
                    bots.conversation(user, naive(clock.instant()), 2, Duration.ofSeconds(20)));
        }
        clock.advance(Duration.ofMinutes(125));
        int callsBefore = llm.requestCount();

        CycleOutcome second = cycle.run();

        assertThat(second.analysed()).isEqualTo(2);
        assertThat(llm.requestCount() - callsBefore).isEqualTo(2);
        assertThat(db.rows("SELECT user_id, message_count FROM conversation_summaries ORDER BY user_id"))
                .containsExactly(List.of("ana", 8), List.of("ben", 8), List.of("cleo", 6));
        assertThat(db.count("SELECT count(*) FROM enrichment_summary_revisions"))
                .isEqualTo(2);
    }

    @Test
    void openWindowWaitsForQuietAndIsNotAnalysedEveryCycle() {
        qdrant.createWhisperEngineCollection("whisperengine_memory_elena_7d");
        qdrant.upsert(
                "whisperengine_memory_elena_7d",
                bots.conversation("dora", naive(NOW.minusSeconds(300)), 6, Duration.ofSeconds(20)));

        assertThat(cycle.run().analysed()).as("still talking").isZero();
        clock.advance(Duration.ofMinutes(31));
        assertThat(cycle.run().analysed()).as("quiet for 30 minutes").isEqualTo(1);
        clock.advance(Duration.ofMinutes(11));
        qdrant.upsert(
                "whisperengine_memory_elena_7d",
                bots.conversation("dora", naive(clock.instant()), 2, Duration.ofSeconds(20)));
        clock.advance(Duration.ofMinutes(40));
        assertThat(cycle.run().analysed())
                .as("analysed less than 120 minutes ago")
                .isZero();
        clock.advance(Duration.ofMinutes(80));
        assertThat(cycle.run().analysed()).isEqualTo(1);
    }

    /** 3 bots x 20 users x 10 days with pair, emoji and malformed points; returns counted messages per window. */
    private Map<String, Integer> seedTenDaysOfThreeBots() {
        Random random = new Random(42);
        Map<String, Integer> counted = new HashMap<>();
        LocalDateTime firstDay = LocalDateTime.of(2025, 10, 11, 0, 0);
        for (Map.Entry<String, String> collection : COLLECTIONS.entrySet()) {
            qdrant.createWhisperEngineCollection(collection.getKey());
            List<PointStruct> points = new ArrayList<>();
            for (int u = 0; u < 20; u++) {
                String user = "user-%02d".formatted(u);
                for (int d = 0; d < 10; d++) {
                    LocalDateTime day = firstDay.plusDays(d);
                    int messages = random.nextInt(9);
                    if (messages > 0) {
                        points.addAll(bots.conversation(
                                user, day.plusHours(8).plusMinutes(u), messages, Duration.ofMinutes(3)));
                        counted.put(collection.getValue() + "|" + user + "|" + day, messages);
                    }
                    if (random.nextInt(4) == 0) {
                        points.addAll(bots.emojiReaction(user, day.plusHours(20), "❤️"));
                    }
                    if (random.nextInt(5) == 0) {
                        points.add(bots.malformed(Malformation.INTEGER_CONTENT, user, day.plusHours(21)));
                        // discovery reads no text, so this point alone marks its window, which is then skipped
                        counted.putIfAbsent(collection.getValue() + "|" + user + "|" + day, 0);
                    }
                }
            }
            qdrant.upsert(collection.getKey(), points);
        }
        return counted;
    }

    static Instant at(LocalDateTime naiveUtc) {
        return naiveUtc.toInstant(java.time.ZoneOffset.UTC);
    }
}
