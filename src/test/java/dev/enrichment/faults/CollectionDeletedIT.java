package dev.enrichment.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.faults.ConversationSet.WindowKey;
import dev.enrichment.testsupport.LaunchedApp;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A bot's collection deleted while a cycle analyses windows: the other bots end exactly as undisturbed, and of the
 * deleted bot nothing wrong is stored (no summary of a partial window, nothing stuck, no placeholder). Its windows
 * not analysed before the deletion fail their attempt on NOT_FOUND, then, with the collection no longer listed, close
 * as skipped (no messages).
 */
@EnabledIfSystemProperty(named = "reliability.long", matches = "true")
class CollectionDeletedIT {

    private static final String DELETED_BOT = "dotty";

    private static FaultWorld world;
    private static Outcome reference;

    @BeforeAll
    static void reference() throws Exception {
        world = FaultWorld.get();
        assumeTrue(world.hasQdrantDouble(), "the scenarios reseed Qdrant between runs");
        reference = Reference.outcome();
    }

    @Test
    void aCollectionDeletedMidCycleLeavesTheOtherBotsUntouchedAndNothingWrongOfItsOwn() throws Exception {
        String database = "faults_collection_deleted";
        world.prepare(database);
        world.analyst().latency(Duration.ofMillis(700));
        try (LaunchedApp app = world.launch("collection-deleted", database, Map.of())) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> world.count(database, "SELECT count(*) FROM conversation_summaries") >= 3);
            world.qdrant().deleteCollection(ConversationSet.collection(DELETED_BOT));
            int summariesAtDelete = world.count(database, "SELECT count(*) FROM conversation_summaries");
            world.analyst().latency(Duration.ZERO);

            world.awaitSettled(database, world.data().windowCount(), Duration.ofMinutes(3));
            Outcome outcome = world.outcome(database);

            Set<String> otherUsers = users(bot -> !bot.equals(DELETED_BOT));
            Set<String> deletedUsers = users(bot -> bot.equals(DELETED_BOT));
            MatrixAssertions.assertClean(outcome);
            MatrixAssertions.assertSameResults(
                    outcome.restrictedTo(key -> !key.bot().equals(DELETED_BOT), otherUsers),
                    reference.restrictedTo(key -> !key.bot().equals(DELETED_BOT), otherUsers),
                    app.output());
            Map<WindowKey, Outcome.Summary> ofDeletedBot =
                    new TreeMap<>(outcome.restrictedTo(key -> key.bot().equals(DELETED_BOT), deletedUsers)
                            .summaries());
            // whatever of the deleted bot was stored before the deletion is exactly what an undisturbed run stores
            ofDeletedBot.forEach((key, summary) -> assertThat(summary)
                    .as(key.toString())
                    .isEqualTo(reference.summaries().get(key)));
            assertThat(app.isAlive()).isTrue();
            assertThat(world.count(
                            database,
                            "SELECT count(*) FROM enrichment_windows WHERE bot_name <> '" + DELETED_BOT
                                    + "' AND status = 'done'"))
                    .as("windows of the other bots analysed")
                    .isEqualTo(reference.summaries().size()
                            - (int) reference.summaries().keySet().stream()
                                    .filter(key -> key.bot().equals(DELETED_BOT))
                                    .count());
            String statuses = world.text(
                    database,
                    "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, count(*) AS n"
                            + " FROM enrichment_windows WHERE bot_name = '" + DELETED_BOT + "' GROUP BY status) s");
            System.out.printf(
                    "[faults] collection of %s deleted with %d summaries stored: %d of its %d summaries kept;"
                            + " its windows: %s%n",
                    DELETED_BOT,
                    summariesAtDelete,
                    ofDeletedBot.size(),
                    reference
                            .restrictedTo(key -> key.bot().equals(DELETED_BOT), deletedUsers)
                            .summaries()
                            .size(),
                    statuses);
        }
    }

    private static Set<String> users(Predicate<String> botFilter) {
        return world.data().eligibleWindows().keySet().stream()
                .filter(key -> botFilter.test(key.bot()))
                .map(WindowKey::userId)
                .collect(Collectors.toSet());
    }
}
