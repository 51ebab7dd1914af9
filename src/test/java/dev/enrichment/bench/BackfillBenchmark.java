package dev.enrichment.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: the fact timestamp backfill job over 100,000 facts in 20,000 (bot, user) groups: wall time and Qdrant
 * requests (one paged scan per group), beside the old per-fact lookup's one query per fact.
 */
@QuarkusTest
@Order(4)
class BackfillBenchmark {

    private static final int BOTS = 10;
    private static final int FACTS_PER_GROUP = 5;
    private static final int EXCHANGES = 5;
    private static final int PAGE_SIZE = 500;

    @Inject
    DataSource dataSource;

    @Test
    void backfillsAHundredThousandFactsByGroup() {
        assumeTrue(QdrantTestResource.target().isDouble(), "counts requests on the Qdrant test double");
        BenchWorld world = BenchWorld.reset(dataSource);
        int groups = BenchReport.scaled("7", 20_000, BOTS);
        int usersPerBot = groups / BOTS;
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        List<String> collections = world.collections("fill", BOTS);
        long seedStart = System.nanoTime();
        world.sql.update("""
                INSERT INTO universal_users (universal_id, primary_username)
                SELECT 'user-' || u, 'user-' || u FROM generate_series(0, ? - 1) u""", usersPerBot);
        for (int i = 0; i < BOTS; i++) {
            BenchConversations.seed(
                    world.qdrant,
                    collections.get(i),
                    "user-",
                    new BenchConversations.Shape(usersPerBot, 1, EXCHANGES, day),
                    700 + i);
            String bot = BenchWorld.botOf(collections.get(i));
            world.sql.update("""
                    INSERT INTO fact_entities (entity_type, entity_name, category)
                    SELECT 'hobby', ? || '-' || u || '-' || f, 'hobby'
                      FROM generate_series(0, ? - 1) u, generate_series(1, ?) f""", bot, usersPerBot, FACTS_PER_GROUP);
            world.sql.update(
                    """
                    INSERT INTO user_fact_relationships (user_id, entity_id, relationship_type, confidence,
                        context_metadata, mentioned_by_character, created_at, updated_at)
                    SELECT 'user-' || split_part(entity_name, '-', 2), id, 'enjoys', 0.8, '{}'::jsonb, ?, ?, ?
                      FROM fact_entities WHERE entity_name LIKE ? || '-%'""",
                    bot,
                    Timestamp.valueOf(LocalDateTime.ofInstant(day.plus(Duration.ofDays(1)), ZoneOffset.UTC)),
                    Timestamp.valueOf(LocalDateTime.ofInstant(day.plus(Duration.ofDays(1)), ZoneOffset.UTC)),
                    bot);
        }
        world.sql.update("ANALYZE user_fact_relationships");
        world.sql.update("ANALYZE fact_entities");
        long facts = count(world, "SELECT count(*) FROM user_fact_relationships");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        world.qdrantDouble.resetCounters();
        long start = System.nanoTime();
        String id = given().header("X-API-Key", "test-admin-key")
                .contentType("application/json")
                .body("{\"dry_run\": false}")
                .post("/api/v1/admin/jobs/fact-timestamp-backfill")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !Set.of("queued", "running")
                        .contains(given().header("X-API-Key", "test-admin-key")
                                .get("/api/v1/admin/jobs/{id}", id)
                                .then()
                                .extract()
                                .<String>path("status")));
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = world.qdrantDouble.totalRequests();
        long backfilled = count(
                world,
                "SELECT count(*) FROM user_fact_relationships WHERE context_metadata ->> 'latest_message_timestamp' IS NOT NULL");
        int pagesPerGroup = (2 * EXCHANGES + PAGE_SIZE - 1) / PAGE_SIZE;
        long budget = (long) groups * pagesPerGroup;

        BenchReport.scenario("7", "Fact timestamp backfill")
                .figure("scale of this scenario", BenchReport.scale("7"), "")
                .figure("facts", facts, "facts")
                .figure("(bot, user) groups", groups, "groups")
                .figure("facts backfilled", backfilled, "facts", "all", backfilled == facts, null)
                .figure("wall time", seconds * 1000, "ms", "< 60 s", seconds < 60, null)
                .figure(
                        "Qdrant requests",
                        requests,
                        "requests",
                        "<= " + budget + " (groups x pages)",
                        requests <= budget + 1,
                        (double) facts)
                .note(String.format(
                        Locale.ROOT,
                        "%d bots x %d users, %d facts each, %d messages per user (%d page per group); seeded in "
                                + "%.1f s. Started over the admin API, timed until the job ended. Baseline: the old "
                                + "per-fact lookup, one Qdrant query per fact (counted, not run). The +1 allowed in "
                                + "the check is the request listing the collections.",
                        BOTS,
                        usersPerBot,
                        FACTS_PER_GROUP,
                        2 * EXCHANGES,
                        pagesPerGroup,
                        seedSeconds))
                .write();
        assertThat(backfilled).isEqualTo(facts);
    }

    private static long count(BenchWorld world, String sql) {
        return ((Number) world.sql.value(sql)).longValue();
    }
}
