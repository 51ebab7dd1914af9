package dev.enrichment.summary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A weekly or monthly rollup of one user's day summaries with one bot ({@code enrichment_summary_rollups}). */
@Entity
@Table(name = "enrichment_summary_rollups")
public class SummaryRollup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Integer id;

    @Column(name = "bot_name", nullable = false)
    public String botName;

    @Column(name = "user_id", nullable = false)
    public String userId;

    /** {@code week} or {@code month} ({@link Granularity#wireName()}). */
    @Column(name = "granularity", nullable = false)
    public String granularity;

    @Column(name = "period_start", nullable = false)
    public Instant periodStart;

    @Column(name = "period_end", nullable = false)
    public Instant periodEnd;

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

    /** The day summaries it was built from, oldest first; {@link #sourceRevisions} holds their revisions. */
    @Column(name = "source_summary_ids", nullable = false)
    public List<Integer> sourceSummaryIds;

    @Column(name = "source_revisions", nullable = false)
    public List<Integer> sourceRevisions;

    @Column(name = "source_fingerprint", nullable = false)
    public String sourceFingerprint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
