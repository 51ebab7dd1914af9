package dev.enrichment.fact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A fact about a user: (user, relationship type, entity), one row shared by every bot
 * ({@code user_fact_relationships}). WhisperEngine's processing markers live here too; readers filter them out.
 * Timestamps are naive UTC.
 */
@Entity
@Table(name = "user_fact_relationships")
public class UserFactRelationship extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    public UUID id;

    /** {@code universal_users.universal_id}. */
    @Column(name = "user_id", nullable = false)
    public String userId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entity_id", nullable = false)
    public FactEntity entity;

    @Column(name = "relationship_type", nullable = false)
    public String relationshipType;

    @Column(name = "confidence")
    public Double confidence;

    @Column(name = "strength")
    public Double strength;

    @Column(name = "emotional_context")
    public String emotionalContext;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "context_metadata")
    public Map<String, Object> contextMetadata;

    @Column(name = "source_conversation_id")
    public String sourceConversationId;

    /** The bot that wrote the fact most recently. */
    @Column(name = "mentioned_by_character")
    public String mentionedByCharacter;

    @Column(name = "source_platform")
    public String sourcePlatform;

    /** {@code [{"entity_id", "relation", "weight"}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_entities")
    public List<Map<String, Object>> relatedEntities;

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "created_at")
    public LocalDateTime createdAt;

    /** Also set by WhisperEngine's {@code update_updated_at_column()} trigger on every update. */
    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "updated_at")
    public LocalDateTime updatedAt;
}
