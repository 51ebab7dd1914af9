package dev.enrichment.preference;

import dev.enrichment.PythonIsoTime;
import dev.enrichment.conversation.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Makes sure a WhisperEngine {@code universal_users} row exists before facts or preferences refer to it. An existing
 * row is left exactly as it is: its names, preferences and {@code last_active} belong to the bots.
 */
@ApplicationScoped
public class UserDirectory {

    private static final int MAX_USER_ID = StorableText.MAX_USER_ID;

    private final EntityManager entityManager;

    UserDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Creates the user when missing, with WhisperEngine's placeholder names ({@code user_<last 8>},
     * {@code User <last 6>}) and {@code at} as both creation and last activity (naive UTC).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensureUser(String userId, Instant at) {
        if (userId == null || userId.isBlank() || userId.length() > MAX_USER_ID) {
            throw new IllegalArgumentException("a user id is 1 to " + MAX_USER_ID + " characters");
        }
        String naiveAt = PythonIsoTime.naiveUtc(at);
        entityManager
                .createNativeQuery("""
                        INSERT INTO universal_users (universal_id, primary_username, display_name, created_at, last_active,
                                                     preferences)
                        VALUES (:id, :username, :displayName, CAST(:at AS timestamp), CAST(:at AS timestamp),
                                CAST('{}' AS jsonb))
                        ON CONFLICT (universal_id) DO NOTHING""")
                .setParameter("id", userId)
                .setParameter("username", "user_" + lastChars(userId, 8))
                .setParameter("displayName", "User " + lastChars(userId, 6))
                .setParameter("at", naiveAt)
                .executeUpdate();
    }

    private static String lastChars(String text, int count) {
        return text.length() <= count ? text : text.substring(text.length() - count);
    }
}
