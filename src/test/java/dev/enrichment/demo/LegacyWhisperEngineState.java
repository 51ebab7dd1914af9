package dev.enrichment.demo;

import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Demo only: the database a WhisperEngine deployment has before this service replaces its Python worker, built
 * from the demo data set. WhisperEngine's own tables (created as WhisperEngine creates them, before our migrations
 * run), the users its bots registered, facts the old worker stored without {@code latest_message_timestamp} (for the
 * timestamp backfill) and the placeholder summaries it stored when its LLM calls failed (for the regeneration job).
 */
final class LegacyWhisperEngineState {

    /** The old worker's fallback text, stored whenever its LLM calls failed. */
    private static final String PLACEHOLDER =
            "Conversation with %d messages between user and %s. Topics and details " + "discussed.";

    private static final String SCHEMA = "/legacy/whisperengine-schema.sql";
    private static final DateTimeFormatter OFFSET_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final int USERS_WITH_OLD_FACTS = 6;
    private static final int USERS_WITH_PLACEHOLDERS = 3;
    private static final int PLACEHOLDER_DAYS_PER_USER = 2;
    /** What the old worker typically pulled out of a conversation: (entity type, entity name, relationship). */
    private static final List<String[]> OLD_FACTS = List.of(
            new String[] {"hobby", "photography", "enjoys"},
            new String[] {"food", "sushi", "likes"},
            new String[] {"location", "the seaside", "likes"},
            new String[] {"hobby", "board games", "enjoys"},
            new String[] {"drink", "green tea", "prefers"},
            new String[] {"activity", "morning walks", "enjoys"});

    private final DemoDataSet data;

    LegacyWhisperEngineState(DemoDataSet data) {
        this.data = data;
    }

    /** What was written, for the report. */
    record Written(int users, int oldFacts, int placeholderSummaries) {}

    Written writeTo(Connection connection) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(schema());
        }
        int users = insertUsers(connection);
        int facts = insertOldFacts(connection);
        int placeholders = insertPlaceholders(connection);
        return new Written(users, facts, placeholders);
    }

    private static String schema() throws IOException {
        try (InputStream in = LegacyWhisperEngineState.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IOException(SCHEMA + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private int insertUsers(Connection connection) throws SQLException {
        LocalDateTime registered = data.firstDay().minusDays(30).atTime(12, 0);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO universal_users (universal_id, primary_username, display_name, created_at, last_active,
                                             preferences)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (DemoDataSet.DemoUser user : data.users()) {
                insert.setString(1, user.userId());
                insert.setString(2, user.displayName().toLowerCase().replace(' ', '.'));
                insert.setString(3, user.displayName());
                insert.setObject(4, registered);
                insert.setObject(5, registered);
                // the bots' inline regex path wrote this kind of entry, with a naive local updated_at
                insert.setString(
                        6,
                        user.equals(data.featuredUser())
                                ? "{\"timezone\": {\"value\": \"Europe/Lisbon\", \"confidence\": 0.8, \"updated_at\": \""
                                        + data.firstDay() + "T09:00:00\", \"metadata\": {\"detection_method\": "
                                        + "\"regex_pattern\"}}}"
                                : "{}");
                insert.addBatch();
            }
            return insert.executeBatch().length;
        }
    }

    /** Facts as the worker stored them before October 2025: no latest_message_timestamp in their metadata. */
    private int insertOldFacts(Connection connection) throws SQLException {
        int written = 0;
        List<DemoDataSet.DemoUser> users = data.users();
        try (PreparedStatement entity = connection.prepareStatement("""
                INSERT INTO fact_entities (entity_type, entity_name, category, attributes, created_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (entity_type, entity_name) DO UPDATE SET updated_at = fact_entities.updated_at
                RETURNING id""");
                PreparedStatement relationship = connection.prepareStatement("""
                        INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence,
                            context_metadata, mentioned_by_character, created_at, updated_at)
                        VALUES (?, ?, ?, 0.8, ?::jsonb, ?, ?, ?)""")) {
            for (int u = 0; u < Math.min(USERS_WITH_OLD_FACTS, users.size()); u++) {
                DemoDataSet.DemoUser user = users.get(u);
                String bot = user.bots().get(0);
                List<Day> days = conversationDays(bot, user.userId());
                if (days.size() < 3) {
                    continue;
                }
                // extracted an hour after the user's third conversation, so earlier messages exist to backfill from
                LocalDateTime extracted = days.get(2).last().plusHours(1);
                for (int f = 0; f < 2; f++) {
                    String[] fact = OLD_FACTS.get((u * 2 + f) % OLD_FACTS.size());
                    entity.setString(1, fact[0]);
                    entity.setString(2, fact[1]);
                    entity.setString(3, fact[0]);
                    entity.setString(
                            4,
                            "{\"extraction_method\": \"enrichment_worker\", \"extracted_at\": \"" + offsetIso(extracted)
                                    + "\", \"tags\": []}");
                    entity.setObject(5, extracted);
                    entity.setObject(6, extracted);
                    UUID entityId;
                    try (var result = entity.executeQuery()) {
                        result.next();
                        entityId = result.getObject(1, UUID.class);
                    }
                    relationship.setString(1, user.userId());
                    relationship.setObject(2, entityId);
                    relationship.setString(3, fact[2]);
                    relationship.setString(
                            4,
                            "{\"confirmation_count\": 1, \"related_facts\": [], "
                                    + "\"temporal_context\": null, \"reasoning\": \"The user mentioned it in conversation\", "
                                    + "\"source_messages\": [], \"extraction_method\": \"enrichment_worker\", "
                                    + "\"extracted_at\": \"" + offsetIso(extracted)
                                    + "\", \"conversation_window_size\": 1, "
                                    + "\"multi_message_confirmed\": false, \"bot_name\": \"" + bot + "\"}");
                    relationship.setString(5, bot);
                    relationship.setObject(6, extracted);
                    relationship.setObject(7, extracted);
                    relationship.executeUpdate();
                    written++;
                }
            }
        }
        return written;
    }

    /**
     * The old worker's windows ran from a user's first new message to the last one it saw, so they are not aligned
     * to UTC days and stay beside the day windows this service writes, until the regeneration job replaces them.
     */
    private int insertPlaceholders(Connection connection) throws SQLException {
        int written = 0;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO conversation_summaries (user_id, bot_name, summary_text, start_timestamp, end_timestamp,
                    message_count, key_topics, emotional_tone, compression_ratio, confidence_score, created_at,
                    updated_at)
                VALUES (?, ?, ?, ?, ?, ?, '{general conversation}', 'neutral', 0.0138, 0.8, ?, ?)""")) {
            // the bot whose collection still has the legacy _7d suffix: the one the old worker served longest
            String bot = data.collections().stream()
                    .filter(c -> c.name().endsWith("_7d"))
                    .findFirst()
                    .orElseThrow()
                    .bot();
            List<DemoDataSet.DemoUser> users =
                    data.users().stream().filter(u -> u.bots().contains(bot)).toList();
            for (DemoDataSet.DemoUser user : users.subList(0, Math.min(USERS_WITH_PLACEHOLDERS, users.size()))) {
                List<Day> days = conversationDays(bot, user.userId());
                for (Day day : days.subList(0, Math.min(PLACEHOLDER_DAYS_PER_USER, days.size()))) {
                    insert.setString(1, user.userId());
                    insert.setString(2, bot);
                    insert.setString(3, String.format(PLACEHOLDER, day.points(), bot));
                    insert.setObject(4, day.first());
                    insert.setObject(5, day.last());
                    insert.setInt(6, day.points());
                    insert.setObject(7, day.last().plusMinutes(11));
                    insert.setObject(8, day.last().plusMinutes(11));
                    written += insert.executeUpdate();
                }
            }
        }
        return written;
    }

    /** One UTC day of a user's conversation with a bot: first and last point, and how many points (pairs too). */
    private record Day(LocalDateTime first, LocalDateTime last, int points) {}

    private List<Day> conversationDays(String bot, String userId) {
        Map<LocalDate, List<LocalDateTime>> byDay = new TreeMap<>();
        for (DemoDataSet.DemoCollection collection : data.collections()) {
            if (!collection.bot().equals(bot)) {
                continue;
            }
            for (PointStruct point : collection.points()) {
                Value user = point.getPayloadMap().get("user_id");
                Value unix = point.getPayloadMap().get("timestamp_unix");
                if (user == null || unix == null || !userId.equals(user.getStringValue())) {
                    continue;
                }
                LocalDateTime at = LocalDateTime.ofInstant(
                        Instant.ofEpochMilli((long) (unix.getDoubleValue() * 1000)), ZoneOffset.UTC);
                byDay.computeIfAbsent(at.toLocalDate(), d -> new ArrayList<>()).add(at);
            }
        }
        List<Day> days = new ArrayList<>();
        byDay.values()
                .forEach(times -> days.add(new Day(
                        times.stream().min(Comparator.naturalOrder()).orElseThrow(),
                        times.stream().max(Comparator.naturalOrder()).orElseThrow(),
                        times.size())));
        return days;
    }

    private static String offsetIso(LocalDateTime utc) {
        return OFFSET_ISO.format(utc.atOffset(ZoneOffset.UTC));
    }
}
