package dev.enrichment.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enrichment.testsupport.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreferenceWriterTest {

    private static final Instant FIRST = Instant.parse("2025-10-19T02:30:00.123456Z");
    private static final Instant LATER = Instant.parse("2025-10-21T09:00:00Z");
    /** What the bots' inline path runs for a preference (semantic_router.store_user_preference). */
    private static final String BOT_WRITES_TIMEZONE = """
            UPDATE universal_users
               SET preferences = COALESCE(preferences::jsonb, '{}'::jsonb) || jsonb_build_object('timezone', ?::jsonb)
             WHERE universal_id = ?""";

    private static final String BOT_TIMEZONE = """
            {"value": "CET", "confidence": 0.8, "updated_at": "2025-10-19T04:30:00.1",
             "metadata": {"detection_method": "regex_pattern", "detected_pattern": "my timezone is"}}""";

    @Inject
    EntityManager em;

    @Inject
    PreferenceWriter writer;

    @Inject
    DataSource dataSource;

    private final ExecutorService bot = Executors.newSingleThreadExecutor();
    private Sql sql;
    private String userId;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
        userId = "pref-user-" + UUID.randomUUID();
    }

    @AfterEach
    void stopBot() throws InterruptedException {
        bot.shutdownNow();
        assertThat(bot.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void storesAnExplicitNameWhereTheBotsReadIt() {
        PreferenceMergeOutcome outcome = merge("elena", FIRST, explicit("preferred_name", "Mark", false));

        assertThat(outcome.created()).isEqualTo(1);
        assertThat(sql.value(
                        "SELECT preferences->'preferred_name'->>'value' FROM universal_users WHERE universal_id = ?",
                        userId))
                .isEqualTo("Mark");
        Map<String, Object> entry = sql.rows("""
                SELECT p ->> 'value' AS value, jsonb_typeof(p -> 'confidence') AS confidence_type,
                       (p ->> 'confidence')::float8 AS confidence, p ->> 'updated_at' AS updated_at,
                       p -> 'metadata' ->> 'extraction_method' AS method, p -> 'metadata' ->> 'is_explicit' AS explicit,
                       p -> 'metadata' ->> 'is_preference_change' AS change, p -> 'metadata' ->> 'bot_name' AS bot,
                       p -> 'metadata' ->> 'reasoning' AS reasoning, p -> 'previous' IS NOT NULL AS has_previous
                  FROM (SELECT preferences -> 'preferred_name' AS p FROM universal_users WHERE universal_id = ?) entry""", userId).get(0);
        assertThat(entry)
                .containsEntry("value", "Mark")
                .containsEntry("confidence_type", "number")
                .containsEntry("confidence", 0.95)
                .containsEntry("updated_at", "2025-10-19T02:30:00.123456+00:00")
                .containsEntry("method", "enrichment_service")
                .containsEntry("explicit", "true")
                .containsEntry("change", "false")
                .containsEntry("bot", "elena")
                .containsEntry("reasoning", "said: call me Mark")
                .containsEntry("has_previous", false);
    }

    @Test
    void anInferredValueDoesNotOverwriteAnExplicitOne() {
        merge("elena", FIRST, explicit("preferred_name", "Mark", false));

        PreferenceMergeOutcome outcome = merge("marcus", LATER, inferred("preferred_name", "Marky", 0.99));

        assertThat(outcome.kept()).isEqualTo(1);
        assertThat(preference("preferred_name", "value")).isEqualTo("Mark");
        assertThat(preference("preferred_name", "updated_at")).isEqualTo("2025-10-19T02:30:00.123456+00:00");
    }

    @Test
    void aValueTheBotsCaughtWithTheirRegexCountsAsExplicit() {
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, preferences)
                VALUES (?, 'someone', '{"preferred_name": {"value": "Mark", "confidence": 0.7,
                        "updated_at": "2025-10-19T04:30:00.1", "metadata": {"detection_method": "regex_pattern",
                        "detected_pattern": "call me", "channel_id": "42"}}}')""", userId);

        PreferenceMergeOutcome outcome = merge("elena", LATER, inferred("preferred_name", "Marky", 0.9));

        assertThat(outcome.kept()).isEqualTo(1);
        assertThat(preference("preferred_name", "value")).isEqualTo("Mark");
    }

    @Test
    void aStatedChangeReplacesTheValueAndKeepsThePreviousOne() {
        merge("elena", FIRST, explicit("preferred_name", "Mark", false));

        PreferenceMergeOutcome outcome = merge(
                "marcus",
                LATER,
                new NewPreference("preferred_name", "Marcus", 0.8, false, true, "actually, call me Marcus"));

        assertThat(outcome.replaced()).isEqualTo(1);
        assertThat(preference("preferred_name", "value")).isEqualTo("Marcus");
        assertThat(sql.rows("""
                SELECT p -> 'metadata' ->> 'is_preference_change' AS change, p -> 'previous' ->> 'value' AS previous,
                       p -> 'previous' ->> 'updated_at' AS previous_at,
                       p -> 'previous' -> 'metadata' ->> 'bot_name' AS previous_bot
                  FROM (SELECT preferences -> 'preferred_name' AS p FROM universal_users WHERE universal_id = ?) entry""", userId).get(0).values())
                .containsExactly("true", "Mark", "2025-10-19T02:30:00.123456+00:00", "elena");
    }

    @Test
    void theSameValueAgainOnlyRefreshesConfidenceAndTime() {
        merge("elena", FIRST, new NewPreference("timezone", "CET", 0.8, false, false, "mentioned Berlin"));

        PreferenceMergeOutcome outcome = merge("marcus", LATER, inferred("timezone", "CET", 0.6));

        assertThat(outcome.refreshed()).isEqualTo(1);
        assertThat(sql.rows("""
                SELECT p ->> 'confidence' AS confidence, p ->> 'updated_at' AS updated_at,
                       p -> 'metadata' ->> 'bot_name' AS bot, p -> 'metadata' ->> 'reasoning' AS reasoning,
                       p -> 'previous' IS NOT NULL AS has_previous
                  FROM (SELECT preferences -> 'timezone' AS p FROM universal_users WHERE universal_id = ?) entry""", userId).get(0).values())
                .containsExactly("0.8", "2025-10-21T09:00:00+00:00", "elena", "mentioned Berlin", false);
    }

    @Test
    void aKeyTheBotsWroteDuringTheWindowsTransactionSurvives() {
        merge("elena", FIRST, explicit("preferred_name", "Mark", false));

        QuarkusTransaction.requiringNew().run(() -> {
            // the transaction has seen the preferences before the bot writes; the merge must not work from that view
            assertThat(em.createNativeQuery(
                                    "SELECT preferences -> 'timezone' IS NOT NULL FROM universal_users WHERE universal_id = :id")
                            .setParameter("id", userId)
                            .getSingleResult())
                    .isEqualTo(false);
            botWritesTimezone().join();
            writer.merge(userId, "elena", List.of(explicit("pronouns", "he/him", false)), LATER);
        });

        assertThat(preference("timezone", "value")).isEqualTo("CET");
        assertThat(preference("pronouns", "value")).isEqualTo("he/him");
        assertThat(preference("preferred_name", "value")).isEqualTo("Mark");
    }

    @Test
    void rejectsUnknownTypesBlankValuesAndConfidenceOutOfRange() {
        PreferenceMergeOutcome outcome = merge(
                "elena",
                FIRST,
                new NewPreference("favourite_colour", "teal", 0.9, true, false, null),
                new NewPreference("language", " ", 0.9, true, false, null),
                new NewPreference("pronouns", "they/them", 1.5, true, false, null),
                explicit("timezone", "CET", false));

        assertThat(outcome.rejected()).isEqualTo(3);
        assertThat(outcome.rejections()).allSatisfy(reason -> assertThat(reason).doesNotContain("teal", "they/them"));
        assertThat(outcome.created()).isEqualTo(1);
        assertThat(sql.value(
                        "SELECT string_agg(key, ',' ORDER BY key) FROM universal_users, jsonb_object_keys(preferences) key WHERE universal_id = ?",
                        userId))
                .isEqualTo("timezone");
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> writer.merge(userId, "elena", List.of(explicit("timezone", "CET", false)), FIRST))
                .isInstanceOf(TransactionalException.class);
        assertThat(sql.value("SELECT count(*) FROM universal_users WHERE universal_id = ?", userId))
                .isEqualTo(0L);
    }

    private PreferenceMergeOutcome merge(String botName, Instant at, NewPreference... preferences) {
        return QuarkusTransaction.requiringNew().call(() -> writer.merge(userId, botName, List.of(preferences), at));
    }

    private Object preference(String type, String field) {
        return sql.value(
                "SELECT preferences -> ? ->> ? FROM universal_users WHERE universal_id = ?", type, field, userId);
    }

    /** The bot's write, on its own connection and thread, outside the test's transaction. */
    private CompletableFuture<Void> botWritesTimezone() {
        return CompletableFuture.runAsync(() -> sql.update(BOT_WRITES_TIMEZONE, BOT_TIMEZONE, userId), bot);
    }

    private static NewPreference explicit(String type, String value, boolean change) {
        return new NewPreference(type, value, 0.95, true, change, "said: call me " + value);
    }

    private static NewPreference inferred(String type, String value, double confidence) {
        return new NewPreference(type, value, confidence, false, false, "guessed");
    }
}
