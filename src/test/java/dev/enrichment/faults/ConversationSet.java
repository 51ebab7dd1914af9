package dev.enrichment.faults;

import dev.enrichment.demo.WhisperEnginePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The generated conversations every fault scenario runs on: a few bots, users and closed UTC days, the same points
 * for the same size and day. Each user says where they live and what to call them, so an analysis yields facts and
 * a preference; some (bot, user, day) windows are too short to summarise.
 */
final class ConversationSet {

    static final List<String> CITIES = List.of("Lisbon", "Oslo", "Nairobi", "Quito", "Osaka", "Tbilisi", "Hobart");
    static final List<String> NAMES = List.of("Sam", "Kit", "Jo", "Ray", "Lee", "Max", "Ari");
    static final List<String> JOBS = List.of("nurse", "baker", "pilot", "teacher", "welder");

    /** The minimum the service is started with ({@code MIN_MESSAGES_FOR_SUMMARY}). */
    static final int MIN_MESSAGES = 5;

    private final List<String> bots;
    private final Map<String, List<PointStruct>> pointsByCollection = new LinkedHashMap<>();
    private final Map<WindowKey, Integer> eligible = new LinkedHashMap<>();
    private int windows;

    private ConversationSet(List<String> bots) {
        this.bots = bots;
    }

    /**
     * {@code bots} bots with {@code users} users each, over the {@code days} UTC days before {@code today}; a window
     * has 2 to 6 exchanges (4 to 12 messages), chosen by a fixed seed.
     */
    static ConversationSet generate(int bots, int users, int days, LocalDate today) {
        List<String> botNames =
                List.of("elena", "marcus", "dotty", "ryan", "gabriel").subList(0, bots);
        ConversationSet set = new ConversationSet(botNames);
        Random random = new Random(20_251_204L);
        for (int b = 0; b < bots; b++) {
            String bot = botNames.get(b);
            WhisperEnginePoints writer = WhisperEnginePoints.writer().seeded(1_000L + b);
            List<PointStruct> points = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String user = userId(b, u);
                for (int d = days; d >= 1; d--) {
                    LocalDate day = today.minusDays(d);
                    int exchanges = 2 + random.nextInt(5);
                    LocalDateTime at = day.atTime(8 + u % 10, 7 * (b + 1));
                    for (int e = 0; e < exchanges; e++) {
                        points.addAll(writer.exchange(
                                user,
                                at.plus(Duration.ofMinutes(3L * e)),
                                userLine(b, u, d, e),
                                "That is good to hear, " + NAMES.get(u % NAMES.size()) + ". Tell me more."));
                    }
                    set.windows++;
                    if (exchanges * 2 >= MIN_MESSAGES) {
                        set.eligible.put(
                                new WindowKey(bot, user, day.atStartOfDay().toInstant(ZoneOffset.UTC)), exchanges * 2);
                    }
                }
            }
            set.pointsByCollection.put(collection(bot), points);
        }
        return set;
    }

    static String collection(String bot) {
        return "whisperengine_memory_" + bot;
    }

    /** Discord-like numeric ids, distinct per bot and user. */
    static String userId(int bot, int user) {
        return "6728142310029" + String.format("%02d%04d", bot, user);
    }

    /**
     * What a user says: facts and a preference in the first exchanges of a day, small talk after. A user's facts are
     * the same every day, so the stored result does not depend on the order windows are analysed in.
     */
    private static String userLine(int bot, int user, int daysBack, int exchange) {
        return switch (exchange) {
            case 0 -> "Morning! I live in " + CITIES.get((user + bot) % CITIES.size()) + " these days.";
            case 1 -> "Please call me " + NAMES.get((user + bot) % NAMES.size()) + " from now on.";
            case 2 -> "I work as a " + JOBS.get((2 * user + bot) % JOBS.size()) + " at the moment.";
            default -> "Day " + daysBack + ", thought number " + exchange + ": the weather was fine and the tea hot.";
        };
    }

    List<String> bots() {
        return bots;
    }

    Map<String, List<PointStruct>> pointsByCollection() {
        return pointsByCollection;
    }

    /** The windows with enough messages to be summarised, each with its number of user and assistant messages. */
    Map<WindowKey, Integer> eligibleWindows() {
        return eligible;
    }

    /** Every (bot, user, day) that has messages: the work items discovery must create. */
    int windowCount() {
        return windows;
    }

    /** One enrichment window of the grid (24 h UTC days here), ordered by bot, user and start. */
    record WindowKey(String bot, String userId, Instant start) implements Comparable<WindowKey> {

        private static final Comparator<WindowKey> ORDER = Comparator.comparing(WindowKey::bot)
                .thenComparing(WindowKey::userId)
                .thenComparing(WindowKey::start);

        @Override
        public int compareTo(WindowKey other) {
            return ORDER.compare(this, other);
        }
    }
}
