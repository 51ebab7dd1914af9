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

/** Earlier content of a conversation summary, kept when a revision replaces it ({@code enrichment_summary_revisions}). */
@Entity
@Table(name = "enrichment_summary_revisions")
public class SummaryRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "summary_id", nullable = false)
    public ConversationSummary summary;

    @Column(name = "summary_text", nullable = false)
    public String summaryText;

    @Column(name = "summary_type", nullable = false)
    public String summaryType;

    @Column(name = "key_topics")
    public List<String> keyTopics;

    @Column(name = "emotional_tone")
    public String emotionalTone;

    @Column(name = "compression_ratio")
    public Double compressionRatio;

    @Column(name = "confidence_score")
    public Double confidenceScore;

    @Column(name = "message_count", nullable = false)
    public Integer messageCount;

    @Column(name = "enrichment_version", nullable = false)
    public String enrichmentVersion;

    /** Why the summary was revised, e.g. a regeneration request or a re-analysed window. */
    @Column(name = "reason", nullable = false)
    public String reason;

    /** The model, prompt version and input hash of the analysis that produced the replaced content. */
    @Column(name = "model")
    public String model;

    @Column(name = "prompt_version")
    public String promptVersion;

    @Column(name = "input_hash")
    public String inputHash;

    @Column(name = "revised_at", nullable = false)
    public Instant revisedAt;
}
