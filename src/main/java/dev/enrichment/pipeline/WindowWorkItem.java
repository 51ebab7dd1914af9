package dev.enrichment.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The work of analysing one (bot, user, window) of the UTC window grid ({@code enrichment_windows}): its status,
 * retries, lease and the summary it produced.
 */
@Entity
@Table(name = "enrichment_windows")
public class WindowWorkItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "bot_name", nullable = false)
    public String botName;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    @Convert(converter = WindowStatusConverter.class)
    @Column(name = "status", nullable = false)
    public WindowStatus status = WindowStatus.PENDING;

    /** The newest message the window held when it was last looked at. */
    @Column(name = "newest_message_at")
    public Instant newestMessageAt;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_analyzed_at")
    public Instant lastAnalyzedAt;

    /** {@code conversation_summaries.id}; set to null when the bots delete that summary. */
    @Column(name = "summary_id")
    public Integer summaryId;

    /** Grows with every discovery mark; compared with {@link #claimedMark} when an analysis completes. */
    @Column(name = "marked_count", nullable = false)
    public long markedCount;

    /** {@link #markedCount} as it was when the current lease was taken. */
    @Column(name = "claimed_mark")
    public Long claimedMark;

    /** User and assistant messages counted at the last analysis. */
    @Column(name = "message_count")
    public Integer messageCount;

    @Column(name = "analysis_model")
    public String analysisModel;

    @Column(name = "prompt_version")
    public String promptVersion;

    @Column(name = "input_hash")
    public String inputHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
