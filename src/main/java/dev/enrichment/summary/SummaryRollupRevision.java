package dev.enrichment.summary;

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
import java.time.Instant;
import java.util.List;

/** Earlier content of a rollup, kept when a rebuild replaces it ({@code enrichment_summary_rollup_revisions}). */
@Entity
@Table(name = "enrichment_summary_rollup_revisions")
public class SummaryRollupRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rollup_id", nullable = false)
    public SummaryRollup rollup;

    @Column(name = "summary_text", nullable = false)
    public String summaryText;

    @Column(name = "summary_type", nullable = false)
    public String summaryType;

    @Column(name = "message_count", nullable = false)
    public Integer messageCount;

    @Column(name = "key_topics")
    public List<String> keyTopics;

    @Column(name = "emotional_tone")
    public String emotionalTone;

    @Column(name = "confidence_score")
    public Double confidenceScore;

    @Column(name = "enrichment_version", nullable = false)
    public String enrichmentVersion;

    @Column(name = "model")
    public String model;

    @Column(name = "prompt_version")
    public String promptVersion;

    @Column(name = "source_summary_ids", nullable = false)
    public List<Integer> sourceSummaryIds;

    @Column(name = "source_revisions", nullable = false)
    public List<Integer> sourceRevisions;

    /** Why the rollup was rebuilt, e.g. a day summary under it changed. */
    @Column(name = "reason", nullable = false)
    public String reason;

    @Column(name = "revised_at", nullable = false)
    public Instant revisedAt;
}
