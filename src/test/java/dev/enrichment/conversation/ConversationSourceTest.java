package dev.enrichment.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.demo.WhisperEnginePoints.Malformation;
import dev.enrichment.demo.WhisperEnginePoints.TimestampFormat;
import dev.enrichment.testsupport.LogCapture;
import dev.enrichment.testsupport.qdrant.QdrantTestDouble;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.grpc.Status;
import io.qdrant.client.grpc.Points.PointStruct;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConversationSourceTest {

    private static final String ELENA = "whisperengine_memory_elena_7d";
    private static final LocalDateTime T0 = LocalDateTime.of(2025, 10, 18, 23, 23, 30, 655_569_000);

    @Inject
    ConversationSource source;

    @Inject
    QdrantConfig config;

    private QdrantTestTarget qdrant;
    private final WhisperEnginePoints bot = WhisperEnginePoints.writer();

    @BeforeEach
    void cleanQdrant() {
        qdrant = QdrantTestResource.target();
        qdrant.deleteAllCollections();
        qdrant.testDouble().ifPresent(QdrantTestDouble::reset);
    }

    @AfterEach
    void clearFaults() {
        qdrant.testDouble().ifPresent(QdrantTestDouble::clearFaults);
    }

    @Test
    void listsBotCollectionsByPrefixWithOneRequest() {
        qdrant.createWhisperEngineCollection(ELENA);
        qdrant.createWhisperEngineCollection("chat_memories_marcus");
        qdrant.createWhisperEngineCollection("whisperengine_memory_dotty");
        qdrant.createCollectionWithoutIndexes("unrelated_collection");
        qdrant.testDouble().ifPresent(QdrantTestDouble::resetCounters);

        List<BotCollection> collections = source.botCollections();

        assertThat(collections)
                .containsExactlyInAnyOrder(
                        new BotCollection(ELENA, "elena"),
                        new BotCollection("chat_memories_marcus", "marcus"),
                        new BotCollection("whisperengine_memory_dotty", "dotty"));
        qdrant.testDouble().ifPresent(d -> assertThat(d.totalRequests()).isEqualTo(1));
    }

    @Test
    void skipsPairAndEmojiPoints() {
        qdrant.createWhisperEngineCollection(ELENA);
        List<PointStruct> points = new ArrayList<>(bot.exchange("u1", T0, "I love marine biology!", "Tell me more!"));
        points.addAll(bot.emojiReaction("u1", T0.plusMinutes(1), "❤️"));
        qdrant.upsert(ELENA, points);

        MessageBatch batch = source.readAll(elena());

        assertThat(batch.messages())
                .extracting(Message::role, Message::content)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Role.USER, "I love marine biology!"),
                        org.assertj.core.groups.Tuple.tuple(Role.ASSISTANT, "Tell me more!"));
        assertThat(batch.stats().points()).isEqualTo(6);
        assertThat(batch.stats().notMessages()).isEqualTo(4);
        assertThat(batch.stats().malformed()).isZero();
    }

    @Test
    void readsLegacyBotRoleAsAssistant() {
        qdrant.createWhisperEngineCollection(ELENA);
        qdrant.upsert(ELENA, bot.legacyBotRole().exchange("u1", T0, "hi", "hello from the old days"));

        MessageBatch batch = source.readAll(elena());

        assertThat(batch.messages()).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT);
    }

    @Test
    void readsEveryTimestampForm() {
        qdrant.createWhisperEngineCollection(ELENA);
        Instant expected = T0.toInstant(ZoneOffset.UTC);
        int user = 0;
        for (TimestampFormat format : TimestampFormat.values()) {
            qdrant.upsert(
                    ELENA,
                    bot.timestampFormat(format)
                            .withoutTimestampUnix()
                            .exchange("iso-" + user++, T0, "iso " + format, "ok"));
        }
        qdrant.upsert(ELENA, bot.exchange("unix", T0, "unix time", "ok"));

        List<Message> users = source.readAll(elena()).messages().stream()
                .filter(m -> m.role() == Role.USER)
                .toList();

        assertThat(users).hasSize(TimestampFormat.values().length + 1);
        for (Message m : users) {
            Instant want = m.content().equals("iso NAIVE_WHOLE_SECONDS")
                    ? expected.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    : expected;
            assertThat(m.timestamp()).as(m.content()).isEqualTo(want);
        }
    }

    @Test
    void skipsAndCountsMalformedPoints() {
        qdrant.createWhisperEngineCollection(ELENA);
        List<PointStruct> points = new ArrayList<>(bot.exchange("u1", T0, "fine", "also fine"));
        for (Malformation kind : Malformation.values()) {
            points.add(bot.malformed(kind, "u1", T0.plusSeconds(5)));
        }
        qdrant.upsert(ELENA, points);

        MessageBatch batch = source.readAll(elena());

        assertThat(batch.messages()).hasSize(2);
        assertThat(batch.stats().malformed()).isEqualTo(Malformation.values().length);
    }

    @Test
    void readsAllTwoThousandFiveHundredMessagesOfOneUserAcrossPages() {
        qdrant.createWhisperEngineCollection(ELENA);
        List<PointStruct> points = bot.conversation("heavy", T0, 2_500, Duration.ofSeconds(20));
        qdrant.upsert(ELENA, points);
        qdrant.upsert(ELENA, bot.exchange("someone-else", T0, "not mine", "nor this"));
        Set<String> written = new HashSet<>();
        for (PointStruct p : points) {
            String role = p.getPayloadMap().get("role").getStringValue();
            if (!role.equals("conversation_pair")) {
                written.add(p.getId().getUuid());
            }
        }
        qdrant.testDouble().ifPresent(QdrantTestDouble::resetCounters);

        MessageBatch batch = source.readAll(elena().forUser("heavy"));

        assertThat(written).hasSize(2_500);
        assertThat(batch.messages()).hasSize(2_500);
        assertThat(batch.messages()).extracting(Message::pointId).containsExactlyInAnyOrderElementsOf(written);
        assertThat(batch.messages())
                .isSortedAccordingTo(
                        java.util.Comparator.comparing(Message::timestamp).thenComparing(Message::pointId));
        long pages = (3_750 + config.pageSize() - 1) / config.pageSize();
        assertThat(batch.stats().pages()).isGreaterThanOrEqualTo((int) pages);
        qdrant.testDouble()
                .ifPresent(d -> assertThat(d.requestCount("Scroll"))
                        .isEqualTo(batch.stats().pages()));
    }

    @Test
    void boundsReadsToTheHalfOpenTimeRange() {
        qdrant.createWhisperEngineCollection(ELENA);
        LocalDateTime start = LocalDateTime.of(2025, 10, 18, 0, 0);
        qdrant.upsert(ELENA, bot.exchange("u1", start.minusSeconds(1), "before", "before reply"));
        qdrant.upsert(ELENA, bot.exchange("u1", start, "at start", "reply"));
        qdrant.upsert(ELENA, bot.exchange("u1", start.plusHours(24).minusSeconds(1), "late", "late reply"));
        qdrant.upsert(ELENA, bot.exchange("u1", start.plusHours(24), "next day", "next reply"));

        MessageBatch batch = source.readAll(elena().forUser("u1")
                .from(start.toInstant(ZoneOffset.UTC))
                .until(start.plusHours(24).toInstant(ZoneOffset.UTC)));

        assertThat(batch.messages())
                .extracting(Message::content)
                .containsExactly("at start", "reply", "late", "late reply");
    }

    @Test
    void surfacesQdrantOutagesAsConversationSourceException() {
        assumeTrue(qdrant.isDouble(), "fault injection needs the test double");
        qdrant.createWhisperEngineCollection(ELENA);
        qdrant.testDouble().orElseThrow().failAll(Status.UNAVAILABLE.withDescription("injected outage"));

        try (LogCapture clientErrors = QdrantTestDouble.expectedClientFailures()) {
            assertThatThrownBy(() -> source.readAll(elena()))
                    .isInstanceOf(ConversationSourceException.class)
                    .hasMessageContaining(ELENA)
                    .hasMessageContaining("UNAVAILABLE");
            assertThatThrownBy(() -> source.botCollections()).isInstanceOf(ConversationSourceException.class);
        }
    }

    private static MessageQuery elena() {
        return MessageQuery.all(new BotCollection(ELENA, "elena"));
    }
}
