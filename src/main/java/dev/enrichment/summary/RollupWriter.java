package dev.enrichment.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes weekly and monthly rollups into {@code enrichment_summary_rollups}, one row per (bot, user, granularity,
 * period), keeping the content a rebuild replaces in {@code enrichment_summary_rollup_revisions}.
 */
@ApplicationScoped
public class RollupWriter {

    private final EntityManager entityManager;
    private final Clock clock;
    private final IndexBacklog backlog;

    RollupWriter(EntityManager entityManager, Clock clock, IndexBacklog backlog) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.backlog = backlog;
    }

    /**
     * Inserts the period's rollup or replaces its content, the old content going to a revision. Callers make sure
     * one process builds a period at a time (the rollup marks' lease); a concurrent insert fails on the unique key.
     *
     * @param reason why an existing rollup is replaced
     * @return the rollup's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int upsert(RollupDraft draft, String reason) {
        check(draft);
        Instant now = clock.instant();
        SummaryRollup rollup =
                find(draft.botName(), draft.userId(), draft.period(), true).orElse(null);
        if (rollup == null) {
            rollup = new SummaryRollup();
            rollup.botName = draft.botName();
            rollup.userId = draft.userId();
            rollup.granularity = draft.period().granularity().wireName();
            rollup.periodStart = draft.period().start();
            rollup.periodEnd = draft.period().end();
            rollup.createdAt = now;
        } else {
            keepRevision(rollup, reason, now);
        }
        rollup.summaryText = draft.summaryText();
        rollup.summaryType = draft.summaryType();
        rollup.messageCount = draft.messageCount();
        rollup.keyTopics = new ArrayList<>(draft.keyTopics());
        rollup.emotionalTone = draft.emotionalTone();
        rollup.confidenceScore = draft.confidenceScore();
        rollup.enrichmentVersion = draft.enrichmentVersion();
        rollup.model = draft.model();
        rollup.promptVersion = draft.promptVersion();
        rollup.sourceSummaryIds = new ArrayList<>(
                draft.sources().stream().map(SummarySource::summaryId).toList());
        rollup.sourceRevisions = new ArrayList<>(
                draft.sources().stream().map(SummarySource::revision).toList());
        rollup.sourceFingerprint = draft.sourceFingerprint();
        rollup.updatedAt = now;
        if (rollup.id == null) {
            rollup.persist();
        }
        entityManager.flush();
        // in the rollup's transaction: a committed rollup always has its pending search index entry
        backlog.enqueue(draft.period().granularity(), rollup.id);
        return rollup.id;
    }

    /** The fingerprint of the sources the period's stored rollup was built from; empty when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> fingerprint(String botName, String userId, RollupPeriod period) {
        return find(botName, userId, period, false).map(rollup -> rollup.sourceFingerprint);
    }

    private static Optional<SummaryRollup> find(String botName, String userId, RollupPeriod period, boolean lock) {
        var query = SummaryRollup.<SummaryRollup>find(
                "botName = ?1 and userId = ?2 and granularity = ?3 and periodStart = ?4",
                botName,
                userId,
                period.granularity().wireName(),
                period.start());
        return lock
                ? query.withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                : query.firstResultOptional();
    }

    private static void keepRevision(SummaryRollup rollup, String reason, Instant now) {
        SummaryRollupRevision revision = new SummaryRollupRevision();
        revision.rollup = rollup;
        revision.summaryText = rollup.summaryText;
        revision.summaryType = rollup.summaryType;
        revision.messageCount = rollup.messageCount;
        revision.keyTopics = rollup.keyTopics == null ? null : new ArrayList<>(rollup.keyTopics);
        revision.emotionalTone = rollup.emotionalTone;
        revision.confidenceScore = rollup.confidenceScore;
        revision.enrichmentVersion = rollup.enrichmentVersion;
        revision.model = rollup.model;
        revision.promptVersion = rollup.promptVersion;
        revision.sourceSummaryIds = new ArrayList<>(rollup.sourceSummaryIds);
        revision.sourceRevisions = new ArrayList<>(rollup.sourceRevisions);
        revision.reason = reason == null || reason.isBlank() ? "replaced" : reason;
        revision.revisedAt = now;
        revision.persist();
    }

    private static void check(RollupDraft draft) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(draft.period(), "period");
        for (String text : new String[] {
            draft.botName(), draft.userId(), draft.summaryText(), draft.summaryType(), draft.enrichmentVersion()
        }) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a rollup needs a bot, a user, a summary, a type and a version");
            }
        }
        if (draft.sources().isEmpty()) {
            throw new IllegalArgumentException("a rollup is built from at least one day summary");
        }
        if (draft.messageCount() < 0 || !Double.isFinite(draft.confidenceScore())) {
            throw new IllegalArgumentException("message_count must not be negative and confidence must be finite");
        }
        List<String> texts = new ArrayList<>(draft.keyTopics());
        texts.add(draft.summaryText());
        texts.add(draft.emotionalTone());
        if (texts.stream().anyMatch(text -> text != null && text.indexOf('\u0000') >= 0)) {
            throw new IllegalArgumentException("a NUL character, which PostgreSQL text cannot hold");
        }
    }
}
