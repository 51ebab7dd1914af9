package dev.enrichment.fact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A WhisperEngine knowledge-graph entity ({@code fact_entities}), shared by every user and bot and unique on
 * (entity type, entity name).
 *
 * <p>The generated {@code search_vector} column is deliberately not mapped. Timestamps are naive UTC.
 */
@Entity
@Table(name = "fact_entities")
public class FactEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    public UUID id;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_name", nullable = false)
    public String entityName;

    @Column(name = "category")
    public String category;

    @Column(name = "subcategory")
    public String subcategory;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attributes")
    public Map<String, Object> attributes;

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "created_at")
    public LocalDateTime createdAt;

    /** Also set by WhisperEngine's {@code update_updated_at_column()} trigger on every update. */
    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "updated_at")
    public LocalDateTime updatedAt;
}
