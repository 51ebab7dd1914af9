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
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An edge between two knowledge-graph entities ({@code entity_relationships}). The database restricts the type to
 * similar_to, part_of, category_of, related_to, opposite_of and requires. Timestamps are naive UTC.
 */
@Entity
@Table(name = "entity_relationships")
public class EntityRelationship extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_entity_id", nullable = false)
    public FactEntity fromEntity;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_entity_id", nullable = false)
    public FactEntity toEntity;

    @Column(name = "relationship_type", nullable = false)
    public String relationshipType;

    @Column(name = "weight")
    public Double weight;

    @Column(name = "bidirectional")
    public Boolean bidirectional;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata")
    public Map<String, Object> metadata;

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "created_at")
    public LocalDateTime createdAt;
}
