package dev.enrichment.fact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change to a fact, with its evidence ({@code enrichment_fact_history}). The fact is copied by value because
 * the bots may delete the {@code user_fact_relationships} row it refers to.
 */
@Entity
@Table(name = "enrichment_fact_history")
public class FactHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    /** {@code user_fact_relationships.id} at the time; no foreign key. */
    @Column(name = "relationship_id")
    public UUID relationshipId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "bot_name")
    public String botName;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_name", nullable = false)
    public String entityName;

    @Column(name = "relationship_type", nullable = false)
    public String relationshipType;

    @Convert(converter = FactChangeConverter.class)
    @Column(name = "change", nullable = false)
    public FactChange change;

    @Column(name = "confidence_before")
    public Double confidenceBefore;

    @Column(name = "confidence_after")
    public Double confidenceAfter;

    /** Qdrant point ids of the messages that support the change. */
    @Column(name = "source_message_ids")
    public List<String> sourceMessageIds;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
