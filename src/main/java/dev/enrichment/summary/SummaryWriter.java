package dev.enrichment.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.UtcTimestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one window's summary into WhisperEngine's {@code conversation_summaries}, one row per (user, bot, window),
 * keeping the content it replaces in {@code enrichment_summary_revisions}.
 *
 * <p>Window bounds are stored as naive UTC, as the bots expect. The draft is checked against the columns before
 * any SQL runs: a draft they cannot hold fails with {@link IllegalArgumentException}, which leaves the caller's
 * transaction usable (not marked for rollback), so the caller can still record the window's failure in it.
 */
@ApplicationScoped
public class SummaryWriter {

    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final String DEFAULT_REASON = "replaced";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final IndexBacklog backlog;

    SummaryWriter(EntityManager entityManager, ObjectMapper json, Clock clock, IndexBacklog backlog) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.backlog = backlog;
    }

    /**
     * Inserts the window's summary or replaces its content; a replaced row's content first goes to a revision.
     *
     * @param note why a row would be replaced and the provenance of its content; null reads as "replaced", with
     *     the provenance unknown
     * @return {@code conversation_summaries.id}
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = IllegalArgumentException.class)
    public int upsert(SummaryDraft draft, RevisionNote note) {
        SummaryDraftCheck.require(draft);
        LocalDateTime start = UtcTimestamps.naive(draft.windowStart());
        LocalDateTime end = UtcTimestamps.naive(draft.windowEnd());
        LocalDateTime now = UtcTimestamps.naive(clock.instant());
        Optional<ConversationSummary> existing = lock(draft.userId(), draft.botName(), start, end);
        if (existing.isEmpty()) {
            Optional<Integer> inserted = insertIfAbsent(draft, start, end, now);
            if (inserted.isPresent()) {
                // the search index learns of it in this same transaction, so the entry cannot be lost
                backlog.enqueue(Granularity.DAY, inserted.get());
                return inserted.get();
            }
            // another transaction inserted the window first; once it committed, its row is ours to revise
            existing = lock(draft.userId(), draft.botName(), start, end);
        }
        ConversationSummary summary = existing.orElseThrow(
                () -> new IllegalStateException("summary row vanished while it was being replaced"));
        keepRevision(summary, note);
        summary.summaryText = draft.summaryText();
        summary.summaryType = draft.summaryType();
        summary.messageCount = draft.messageCount();
        summary.keyTopics = topics(draft);
        summary.emotionalTone = draft.emotionalTone();
        summary.compressionRatio = draft.compressionRatio();
        summary.confidenceScore = draft.confidenceScore();
        summary.enrichmentVersion = draft.enrichmentVersion();
        summary.updatedAt = now;
        entityManager.flush();
        backlog.enqueue(Granularity.DAY, summary.id);
        return summary.id;
    }

    /** The summary of exactly this window, if one is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ConversationSummary> find(String userId, String botName, Instant start, Instant end) {
        return ConversationSummary.<ConversationSummary>find(
                        "userId = ?1 and botName = ?2 and startTimestamp = ?3 and endTimestamp = ?4",
                        userId,
                        botName,
                        UtcTimestamps.naive(start),
                        UtcTimestamps.naive(end))
                .firstResultOptional();
    }

    private Optional<ConversationSummary> lock(String userId, String botName, LocalDateTime start, LocalDateTime end) {
        return ConversationSummary.<ConversationSummary>find(
                        "userId = ?1 and botName = ?2 and startTimestamp = ?3 and endTimestamp = ?4",
                        userId,
                        botName,
                        start,
                        end)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    private Optional<Integer> insertIfAbsent(
            SummaryDraft draft, LocalDateTime start, LocalDateTime end, LocalDateTime now) {
        // key_topics travels as a JSON array and becomes VARCHAR[] in SQL: no driver-specific array binding
        List<?> ids = entityManager
                .createNativeQuery("""
                        INSERT INTO conversation_summaries (user_id, bot_name, summary_text, summary_type, start_timestamp,
                                    end_timestamp, message_count, key_topics, emotional_tone, compression_ratio,
                                    confidence_score, enrichment_version, created_at, updated_at)
                        VALUES (:user, :bot, :text, :type, CAST(:start AS timestamp), CAST(:end AS timestamp), :count,
                                CAST(ARRAY(SELECT jsonb_array_elements_text(CAST(:topics AS jsonb))) AS varchar[]),
                                CAST(:tone AS varchar), :ratio, :confidence, :version,
                                CAST(:now AS timestamp), CAST(:now AS timestamp))
                        ON CONFLICT (user_id, bot_name, start_timestamp, end_timestamp) DO NOTHING
                        RETURNING id""")
                .setParameter("user", draft.userId())
                .setParameter("bot", draft.botName())
                .setParameter("text", draft.summaryText())
                .setParameter("type", draft.summaryType())
                .setParameter("start", start.format(NAIVE))
                .setParameter("end", end.format(NAIVE))
                .setParameter("count", draft.messageCount())
                .setParameter("topics", jsonArray(topics(draft)))
                .setParameter("tone", draft.emotionalTone())
                .setParameter("ratio", draft.compressionRatio())
                .setParameter("confidence", draft.confidenceScore())
                .setParameter("version", draft.enrichmentVersion())
                .setParameter("now", now.format(NAIVE))
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).intValue());
    }

    private void keepRevision(ConversationSummary summary, RevisionNote note) {
        SummaryRevision revision = new SummaryRevision();
        revision.summary = summary;
        revision.summaryText = summary.summaryText;
        revision.summaryType = summary.summaryType;
        revision.keyTopics = summary.keyTopics == null ? null : new ArrayList<>(summary.keyTopics);
        revision.emotionalTone = summary.emotionalTone;
        revision.compressionRatio = summary.compressionRatio;
        revision.confidenceScore = summary.confidenceScore;
        revision.messageCount = summary.messageCount;
        revision.enrichmentVersion = summary.enrichmentVersion;
        revision.reason =
                note == null || note.reason() == null || note.reason().isBlank() ? DEFAULT_REASON : note.reason();
        if (note != null) {
            revision.model = note.previousModel();
            revision.promptVersion = note.previousPromptVersion();
            revision.inputHash = note.previousInputHash();
        }
        revision.revisedAt = clock.instant();
        revision.persist();
    }

    private static List<String> topics(SummaryDraft draft) {
        return draft.keyTopics() == null ? new ArrayList<>() : new ArrayList<>(draft.keyTopics());
    }

    private String jsonArray(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise key topics", e);
        }
    }
}
