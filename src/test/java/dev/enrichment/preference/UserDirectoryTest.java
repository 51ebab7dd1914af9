package dev.enrichment.preference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.testsupport.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserDirectoryTest {

    private static final Instant AT = Instant.parse("2025-10-18T23:23:30.655569Z");

    @Inject
    UserDirectory users;

    @Inject
    DataSource dataSource;

    private Sql sql;

    @BeforeEach
    void setUp() {
        sql = new Sql(dataSource);
    }

    @Test
    void createsAMissingUserWithWhisperEngineStyleNamesAndNaiveUtcTimes() {
        String userId = "6728142310" + (System.nanoTime() % 100_000_000);

        QuarkusTransaction.requiringNew().run(() -> users.ensureUser(userId, AT));

        assertThat(sql.rows("""
                SELECT primary_username, display_name, to_char(created_at, 'YYYY-MM-DD HH24:MI:SS.US') AS created,
                       to_char(last_active, 'YYYY-MM-DD HH24:MI:SS.US') AS active, preferences::text AS preferences,
                       email IS NULL AS no_email
                  FROM universal_users WHERE universal_id = ?""", userId).get(0).values())
                .containsExactly(
                        "user_" + userId.substring(userId.length() - 8),
                        "User " + userId.substring(userId.length() - 6),
                        "2025-10-18 23:23:30.655569",
                        "2025-10-18 23:23:30.655569",
                        "{}",
                        true);
    }

    @Test
    void usesTheWholeIdForNamesWhenItIsShort() {
        String userId = "u" + (System.nanoTime() % 10_000);

        QuarkusTransaction.requiringNew().run(() -> users.ensureUser(userId, AT));

        assertThat(sql.rows("SELECT primary_username, display_name FROM universal_users WHERE universal_id = ?", userId)
                        .get(0)
                        .values())
                .containsExactly("user_" + userId, "User " + userId);
    }

    @Test
    void leavesAnExistingUserExactlyAsItIs() {
        String userId = "existing-" + UUID.randomUUID();
        sql.update("""
                INSERT INTO universal_users (universal_id, primary_username, display_name, created_at, last_active,
                                             preferences)
                VALUES (?, 'marcus_real', 'Marcus', '2025-09-02 18:11:05', '2025-10-26 21:40:12',
                        '{"preferred_name": {"value": "Marc"}}')""", userId);
        String before = String.valueOf(sql.rows("SELECT * FROM universal_users WHERE universal_id = ?", userId));

        QuarkusTransaction.requiringNew().run(() -> users.ensureUser(userId, Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(String.valueOf(sql.rows("SELECT * FROM universal_users WHERE universal_id = ?", userId)))
                .isEqualTo(before);
    }
}
