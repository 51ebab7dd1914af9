package dev.enrichment.bench;

import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Bench data in the bots' layout, built fast: a user message and the bot's reply 1 ms later per exchange, with the
 * payload fields the bots write for a message that this service or the old worker read ({@code user_id},
 * {@code memory_type}, {@code content}, {@code timestamp}, {@code timestamp_unix}, {@code role}, {@code source},
 * {@code channel_id}, {@code channel_type}, {@code emotional_context}). Values that repeat are shared objects and the
 * bots' pair points and emotion analytics are left out, so a million messages fit in the test JVM; timestamps and
 * text are formatted exactly as {@link WhisperEnginePoints} does. Points go straight into the double's store, in
 * batches, uncounted.
 */
public final class BenchConversations {

    private static final Value CONVERSATION = ValueFactory.value("conversation");
    private static final Value USER = ValueFactory.value("user");
    private static final Value ASSISTANT = ValueFactory.value("assistant");
    private static final Value USER_SOURCE = ValueFactory.value("user_message");
    private static final Value BOT_SOURCE = ValueFactory.value("bot_response");
    private static final Value CHANNEL = ValueFactory.value("1100000000000000001");
    private static final Value DM = ValueFactory.value("dm");
    private static final List<Value> EMOTIONS =
            List.of(ValueFactory.value("joy"), ValueFactory.value("neutral"), ValueFactory.value("sadness"));
    private static final List<String> USER_LINES = List.of(
            "I finally finished the marine biology assignment about octopus camouflage",
            "my sister is visiting this weekend and we want to go hiking near the lake",
            "work was stressful today, the deadline for the harbour project moved again",
            "I started learning to bake sourdough bread, the first loaf was a disaster",
            "do you think I should adopt a second cat? Miso seems lonely");
    private static final List<String> BOT_LINES = List.of(
            "That sounds like a big achievement! What surprised you most about how octopuses hide?",
            "A hike by the lake sounds lovely. Do you have a trail in mind for the two of you?",
            "Moving deadlines are exhausting. What would help you feel more in control this week?",
            "Every baker has a first flat loaf. What do you think went wrong with the starter?",
            "Cats can be happier in pairs. How does Miso usually react to other animals?");

    private static final List<Value> USER_TEXTS =
            USER_LINES.stream().map(ValueFactory::value).toList();
    private static final List<Value> BOT_TEXTS =
            BOT_LINES.stream().map(ValueFactory::value).toList();

    /**
     * How one collection's conversations are spread: users, sessions (one per day), exchanges per session; every
     * {@code heavyEvery}-th user (none when 0) is a heavy one with {@code heavyExchangesPerDay} instead.
     */
    public record Shape(
            int users, int days, int exchangesPerDay, Instant newestDay, int heavyEvery, int heavyExchangesPerDay) {

        public Shape(int users, int days, int exchangesPerDay, Instant newestDay) {
            this(users, days, exchangesPerDay, newestDay, 0, 0);
        }

        int exchangesPerDay(int user) {
            return heavyEvery > 0 && user % heavyEvery == 0 ? heavyExchangesPerDay : exchangesPerDay;
        }

        public long messages() {
            long total = 0;
            for (int u = 0; u < users; u++) {
                total += 2L * days * exchangesPerDay(u);
            }
            return total;
        }

        /** The start of the earliest day (UTC midnight). */
        public Instant firstDay() {
            return newestDay.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days - 1L));
        }
    }

    private BenchConversations() {}

    /** Seeds one collection; returns the number of message points written. */
    public static long seed(QdrantTestTarget qdrant, String collection, String userPrefix, Shape shape, long seed) {
        Random random = new Random(seed);
        List<PointStruct> batch = new ArrayList<>(10_000);
        long written = 0;
        Instant first = shape.firstDay();
        for (int u = 0; u < shape.users(); u++) {
            Value userId = ValueFactory.value(userPrefix + u);
            for (int d = 0; d < shape.days(); d++) {
                // a session in the user's evening hour; exchanges two minutes apart
                Instant session = first.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(60L * (u % 20) + 30));
                for (int e = 0; e < shape.exchangesPerDay(u); e++) {
                    LocalDateTime at = LocalDateTime.ofInstant(session.plusSeconds(120L * e), ZoneOffset.UTC)
                            .plusNanos(random.nextInt(1_000_000) * 1_000L);
                    int line = random.nextInt(USER_LINES.size());
                    Value emotion = EMOTIONS.get(random.nextInt(EMOTIONS.size()));
                    batch.add(point(random, userId, at, USER_TEXTS.get(line), USER, USER_SOURCE, emotion));
                    batch.add(point(
                            random,
                            userId,
                            at.plusNanos(1_000_000),
                            BOT_TEXTS.get(line),
                            ASSISTANT,
                            BOT_SOURCE,
                            emotion));
                    written += 2;
                    if (batch.size() >= 10_000) {
                        qdrant.upsert(collection, batch);
                        batch = new ArrayList<>(10_000);
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            qdrant.upsert(collection, batch);
        }
        return written;
    }

    private static PointStruct point(
            Random random, Value userId, LocalDateTime at, Value content, Value role, Value source, Value emotion) {
        return PointStruct.newBuilder()
                .setId(PointIdFactory.id(new UUID(
                        (random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)))
                .putAllPayload(Map.of(
                        "user_id", userId,
                        "memory_type", CONVERSATION,
                        "content", content,
                        "timestamp", ValueFactory.value(WhisperEnginePoints.pythonIsoFormat(at)),
                        "timestamp_unix", ValueFactory.value(WhisperEnginePoints.unixSeconds(at)),
                        "role", role,
                        "source", source,
                        "channel_id", CHANNEL,
                        "channel_type", DM,
                        "emotional_context", emotion))
                .build();
    }
}
