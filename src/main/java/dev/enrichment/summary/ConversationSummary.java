package dev.enrichment.summary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A WhisperEngine summary of one user's conversation with one bot over a time window ({@code conversation_summaries}).
 *
 * <p>The timestamps are WhisperEngine's naive {@code TIMESTAMP} columns: they hold UTC wall-clock values, and
 * {@code LOCAL_DATE_TIME} binds them as they are, whatever the JVM's default time zone.
 */
@Entity
@Table(name = "conversation_summaries")
public class ConversationSummary extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Integer id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "bot_name", nullable = false)
    public String botName;

    @Column(name = "summary_text", nullable = false)
    public String summaryText;

    @Column(name = "summary_type", nullable = false)
    public String summaryType = "time_window";

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "start_timestamp", nullable = false)
    public LocalDateTime startTimestamp;

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "end_timestamp", nullable = false)
    public LocalDateTime endTimestamp;

    @Column(name = "message_count", nullable = false)
    public Integer messageCount;

    /** A {@code VARCHAR[]} column, not JSON: the bots read it as a text array. */
    @Column(name = "key_topics")
    public List<String> keyTopics;

    @Column(name = "emotional_tone")
    public String emotionalTone;

    @Column(name = "compression_ratio")
    public Double compressionRatio;

    @Column(name = "confidence_score")
    public Double confidenceScore;

    @Column(name = "enrichment_version", nullable = false)
    public String enrichmentVersion = "v1.0";

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;
}
