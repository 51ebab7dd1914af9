package dev.enrichment.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A WhisperEngine user ({@code universal_users}) and the preferences every bot shares for them. Timestamps are
 * naive UTC.
 */
@Entity
@Table(name = "universal_users")
public class UniversalUser extends PanacheEntityBase {

    /** The platform user id, e.g. a Discord snowflake. */
    @Id
    @Column(name = "universal_id")
    public String universalId;

    @Column(name = "primary_username", nullable = false)
    public String primaryUsername;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "email")
    public String email;

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "last_active", nullable = false)
    public LocalDateTime lastActive;

    /** JSONB: preference type to {@code {"value", "confidence", "updated_at", "metadata"}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "preferences")
    public Map<String, Object> preferences;

    /** TEXT holding JSON; not read by this service. */
    @Column(name = "privacy_settings")
    public String privacySettings;
}
