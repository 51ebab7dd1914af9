package dev.enrichment.jobs;

import dev.enrichment.demo.WhisperEnginePoints;
import dev.enrichment.testsupport.Sql;
import dev.enrichment.testsupport.qdrant.QdrantTestTarget;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seed's scenario: ten bots, three of them with {@code _7d} collections and one (dream) with no collection at
 * all; facts lacking timestamps, some with no message before them and one user with no messages at all; a legacy
 * fact bot name ({@code elena_7d}); and rows the backfill must not touch (already backfilled, no bot, a marker).
 */
final class BackfillScenario {

    static final List<String> SEVEN_DAY_BOTS = List.of("elena", "marcus", "gabriel");
    static final List<String> PLAIN_BOTS = List.of("aethys", "aetheris", "dotty", "sophia", "jake", "ryan");
    static final String NO_COLLECTION_BOT = "dream";
    static final LocalDateTime BASE = LocalDateTime.of(2025, 10, 10, 0, 0);

    /** Fact id -> the timestamp the backfill must write; facts absent here must stay without one. */
    final Map<UUID, String> expected = new LinkedHashMap<>();
    /** Groups that need a Qdrant scan. */
    int scannedGroups;
    /** Scans the backfill needs when it reads the users of one bot together: one per bot name with a collection. */
    int scans;

    private final Sql sql;
    private final QdrantTestTarget qdrant;
    private final WhisperEnginePoints points;

    BackfillScenario(Sql sql, QdrantTestTarget qdrant, WhisperEnginePoints points) {
        this.sql = sql;
        this.qdrant = qdrant;
        this.points = points;
    }

    BackfillScenario seed() {
        for (String user : List.of("user-a", "user-b", "user-c")) {
            sql.update("INSERT INTO universal_users (universal_id, primary_username) VALUES (?, ?)", user, user);
        }
        for (String bot : allCollectionBots()) {
            String collection = "whisperengine_memory_" + bot + (SEVEN_DAY_BOTS.contains(bot) ? "_7d" : "");
            qdrant.createWhisperEngineCollection(collection);
            // user-a: exchanges at 01:00, 02:00, 03:00 (bot replies 1 ms later) and one after every fact; user-c: noise
            for (int hour = 1; hour <= 3; hour++) {
                qdrant.upsert(
                        collection, points.exchange("user-a", BASE.plusHours(hour), "hello " + hour, "hi " + hour));
            }
            qdrant.upsert(collection, points.exchange("user-a", BASE.plusDays(2), "later", "much later"));
            qdrant.upsert(collection, points.exchange("user-c", BASE.plusMinutes(150), "noise", "noise"));

            fact(bot, "user-a", "after two", BASE.plusMinutes(150), "2025-10-10T02:00:00.001000");
            fact(bot, "user-a", "exactly at three", BASE.plusHours(3), "2025-10-10T03:00:00");
            fact(bot, "user-a", "before any message", BASE.plusMinutes(30), null);
            fact(bot, "user-b", "user without messages", BASE.plusHours(5), null);
            scannedGroups += 2;
            scans += 1;
        }
        fact("elena_7d", "user-a", "legacy bot name", BASE.plusHours(5), "2025-10-10T03:00:00.001000");
        scannedGroups += 1;
        scans += 1;
        fact(NO_COLLECTION_BOT, "user-a", "dream one", BASE.plusHours(5), null);
        fact(NO_COLLECTION_BOT, "user-b", "dream two", BASE.plusHours(6), null);

        // Not candidates: already has the key, no bot, a processing marker.
        insert(
                id("done"),
                "elena",
                "user-a",
                "food",
                "already done",
                "likes",
                BASE.plusHours(4),
                "{\"latest_message_timestamp\": \"2025-10-09T00:00:00\"}");
        insert(id("nobot"), null, "user-a", "food", "no bot", "likes", BASE.plusHours(4), "{}");
        insert(
                id("marker"),
                "elena",
                "user-a",
                "_processing_marker",
                "marker",
                "_enrichment_facts",
                BASE.plusHours(4),
                "{}");
        return this;
    }

    private List<String> allCollectionBots() {
        return java.util.stream.Stream.concat(SEVEN_DAY_BOTS.stream(), PLAIN_BOTS.stream())
                .toList();
    }

    private void fact(String bot, String user, String entity, LocalDateTime createdAt, String expectedTimestamp) {
        UUID id = id(bot + "/" + user + "/" + entity);
        insert(id, bot, user, "hobby", entity, "likes", createdAt, "{\"source\": \"seed\", \"n\": 1}");
        if (expectedTimestamp != null) {
            expected.put(id, expectedTimestamp);
        }
    }

    private void insert(
            UUID id,
            String bot,
            String user,
            String entityType,
            String entity,
            String relationship,
            LocalDateTime createdAt,
            String metadata) {
        UUID entityId = id("entity/" + entityType + "/" + entity + "/" + bot);
        sql.update(
                "INSERT INTO fact_entities (id, entity_type, entity_name) VALUES (?, ?, ?)",
                entityId,
                entityType,
                entity + " (" + bot + ")");
        sql.update("""
                INSERT INTO user_fact_relationships (id, user_id, entity_id, relationship_type, mentioned_by_character,
                    context_metadata, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                """, id, user, entityId, relationship, bot, metadata, createdAt, createdAt);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The per-bot table a run over the untouched scenario must report. */
    static Map<String, List<Long>> expectedPerBot() {
        // found, would update, skipped (no messages), skipped (no collection), failed
        Map<String, List<Long>> table = new LinkedHashMap<>();
        for (String bot :
                List.of("aetheris", "aethys", "dotty", "elena", "gabriel", "jake", "marcus", "ryan", "sophia")) {
            table.put(bot, List.of(4L, 2L, 2L, 0L, 0L));
        }
        table.put("dream", List.of(2L, 0L, 0L, 2L, 0L));
        table.put("elena_7d", List.of(1L, 1L, 0L, 0L, 0L));
        return table;
    }
}
