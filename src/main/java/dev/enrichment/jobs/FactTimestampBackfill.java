package dev.enrichment.jobs;

import dev.enrichment.PythonIsoTime;
import dev.enrichment.SqlRow;
import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.MessageQuery;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The fact timestamp backfill: gives facts that lack {@code context_metadata.latest_message_timestamp} the newest
 * message timestamp at or before their {@code created_at}. Facts are grouped by (bot, user) and each group's
 * messages are read with one paged scan, never one Qdrant query per fact; a checkpoint follows every group.
 */
@ApplicationScoped
class FactTimestampBackfill implements JobHandler<FactTimestampBackfill.Parameters, BackfillTally.Result> {

    static final String KIND = "fact-timestamp-backfill";
    static final String REASON = "fact timestamp backfill: newest message at or before created_at";
    private static final String LEGACY_SUFFIX = "_7d";

    private final EntityManager em;
    private final ConversationSource source;

    FactTimestampBackfill(EntityManager em, ConversationSource source) {
        this.em = em;
        this.source = source;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    /** Only facts of these bots, lower case (a legacy name such as elena_7d matches elena too); all when null. */
    @RegisterForReflection
    record Parameters(List<String> bots) {}

    /** Where a resumed run continues: every (bot, user) group up to and including this one is done. */
    @RegisterForReflection
    record Checkpoint(String lastBot, String lastUserId) {}

    /** One planned change, as the sample shows it. */
    @RegisterForReflection
    record PlannedChange(UUID factId, String bot, String userId, String latestMessageTimestamp) {}

    /** One fact to backfill. {@code createdAt} is the naive column read as UTC. */
    record Candidate(UUID id, String bot, String userId, Instant createdAt) {}

    /** The facts of one bot and user, read with one paged scan. */
    record GroupKey(String bot, String userId) implements Comparable<GroupKey> {

        private static final Comparator<GroupKey> ORDER =
                Comparator.comparing(GroupKey::bot).thenComparing(GroupKey::userId);

        @Override
        public int compareTo(GroupKey other) {
            return ORDER.compare(this, other);
        }
    }

    @Override
    public BackfillTally.Result run(JobContext<Parameters> context) {
        List<String> botFilter = Objects.requireNonNullElse(context.parameters().bots(), List.of());
        Map<String, List<BotCollection>> collections = new LinkedHashMap<>();
        for (BotCollection collection : source.botCollections()) {
            collections
                    .computeIfAbsent(collection.botName(), b -> new ArrayList<>())
                    .add(collection);
        }
        TreeMap<GroupKey, List<Candidate>> groups = new TreeMap<>();
        for (Candidate candidate : candidates()) {
            if (botFilter.isEmpty()
                    || botFilter.contains(candidate.bot())
                    || botFilter.contains(canonicalBot(candidate.bot()))) {
                groups.computeIfAbsent(new GroupKey(candidate.bot(), candidate.userId()), k -> new ArrayList<>())
                        .add(candidate);
            }
        }
        BackfillTally tally = BackfillTally.resume(context.dryRun(), context.savedPerBot(BackfillTally.BotRow.class));
        GroupKey resumeAfter = context.checkpoint(Checkpoint.class)
                .filter(saved -> saved.lastBot() != null)
                .map(saved -> new GroupKey(saved.lastBot(), saved.lastUserId()))
                .orElse(null);
        Map<GroupKey, List<Candidate>> remaining = resumeAfter == null ? groups : groups.tailMap(resumeAfter, false);
        long total = tally.totals().found()
                + remaining.values().stream().mapToLong(List::size).sum();
        Log.infof(
                "Job %s (%s): %d facts in %d (bot, user) groups to process%s, dry_run=%s",
                context.jobId(),
                KIND,
                total - tally.totals().found(),
                remaining.size(),
                resumeAfter == null ? "" : " after the checkpoint",
                context.dryRun());

        String backfilledAt = PythonIsoTime.naiveUtc(context.clock().instant());
        for (Map.Entry<GroupKey, List<Candidate>> group : remaining.entrySet()) {
            context.stopIfCancelled();
            GroupKey key = group.getKey();
            List<Candidate> facts = group.getValue();
            String bot = canonicalBot(key.bot());
            List<BotCollection> botCollections = collections.getOrDefault(bot, List.of());
            tally.found(key.bot(), bot, botCollections, facts.size());
            Map<UUID, Instant> planned = new LinkedHashMap<>();
            if (botCollections.isEmpty()) {
                tally.noCollection(key.bot(), facts.size());
            } else {
                try {
                    TreeSet<Instant> timestamps = messageTimestamps(botCollections, key.userId(), facts);
                    for (Candidate fact : facts) {
                        Instant latest = timestamps.floor(fact.createdAt());
                        if (latest == null) {
                            tally.noMessages(key.bot());
                        } else {
                            planned.put(fact.id(), latest);
                        }
                    }
                } catch (RuntimeException e) {
                    tally.failed(key.bot(), facts.size(), key.userId() + ": " + e.getMessage());
                    Log.warnf(
                            "Job %s (%s): group %s/%s failed: %s",
                            context.jobId(), KIND, key.bot(), key.userId(), e.getMessage());
                }
            }
            planned.forEach((fact, latest) ->
                    context.sample(new PlannedChange(fact, key.bot(), key.userId(), PythonIsoTime.naiveUtc(latest))));
            Checkpoint checkpoint = new Checkpoint(key.bot(), key.userId());
            tally.updated(key.bot(), planned.size());
            try {
                context.save(
                        tally.progress(total),
                        checkpoint,
                        context.dryRun() ? () -> {} : () -> write(planned, backfilledAt));
            } catch (JobCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                // The group's writes rolled back together with its checkpoint: record the failure and go on.
                tally.updated(key.bot(), -planned.size());
                tally.failed(key.bot(), planned.size(), key.userId() + ": " + e.getMessage());
                context.save(tally.progress(total), checkpoint, () -> {});
            }
        }
        BackfillTally.Result result = tally.result();
        Log.infof(
                "Job %s (%s) %s: per bot %s; totals %s",
                context.jobId(),
                KIND,
                context.dryRun() ? "planned (dry run)" : "done",
                result.perBot(),
                result.totals());
        return result;
    }

    /** Facts written by a bot that lack the key; never the processing markers. Oldest first within a group. */
    private List<Candidate> candidates() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<SqlRow> rows = SqlRow.all(SqlRow.query(em, """
                    SELECT f.id, f.mentioned_by_character AS bot, f.user_id, f.created_at AT TIME ZONE 'UTC' AS created_at
                    FROM user_fact_relationships f JOIN fact_entities e ON e.id = f.entity_id
                    WHERE f.mentioned_by_character IS NOT NULL
                      AND f.created_at IS NOT NULL
                      AND (f.context_metadata IS NULL OR f.context_metadata ->> 'latest_message_timestamp' IS NULL)
                      AND f.relationship_type NOT LIKE '\\_enrichment%'
                      AND e.entity_type <> '_processing_marker'
                    """));
            return rows.stream()
                    .map(row -> new Candidate(
                            row.uuid("id"), row.text("bot"), row.text("user_id"), row.instant("created_at")))
                    .toList();
        });
    }

    /** The user's message timestamps up to the group's newest fact, from paged scans of the bot's collections. */
    private TreeSet<Instant> messageTimestamps(List<BotCollection> collections, String userId, List<Candidate> facts) {
        Instant newest = facts.stream()
                .map(Candidate::createdAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        // until() is exclusive and a message at exactly created_at counts, hence the microsecond.
        Instant until = newest.plus(1, ChronoUnit.MICROS);
        TreeSet<Instant> timestamps = new TreeSet<>();
        for (BotCollection collection : collections) {
            source.forEachPage(
                    MessageQuery.all(collection).forUser(userId).until(until),
                    page -> page.messages().stream().map(Message::timestamp).forEach(timestamps::add));
        }
        return timestamps;
    }

    /** Merges the keys into context_metadata (never replacing it), only where the key is still missing. */
    private void write(Map<UUID, Instant> planned, String backfilledAt) {
        for (Map.Entry<UUID, Instant> change : planned.entrySet()) {
            em.createNativeQuery("""
                    UPDATE user_fact_relationships
                    SET context_metadata = (CASE jsonb_typeof(context_metadata)
                                                WHEN 'object' THEN context_metadata
                                                WHEN 'string' THEN (context_metadata #>> '{}')::jsonb
                                                ELSE '{}'::jsonb END)
                        || jsonb_build_object('latest_message_timestamp', CAST(?1 AS text),
                                              'backfilled_at', CAST(?2 AS text),
                                              'backfill_reason', CAST(?3 AS text))
                    WHERE id = ?4
                      AND (context_metadata IS NULL OR context_metadata ->> 'latest_message_timestamp' IS NULL)
                    """)
                    .setParameter(1, PythonIsoTime.naiveUtc(change.getValue()))
                    .setParameter(2, backfilledAt)
                    .setParameter(3, REASON)
                    .setParameter(4, change.getKey())
                    .executeUpdate();
        }
    }

    /** Legacy fact bot names such as {@code elena_7d} belong to bot {@code elena}. */
    static String canonicalBot(String bot) {
        String lower = bot.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(LEGACY_SUFFIX) && lower.length() > LEGACY_SUFFIX.length()
                ? lower.substring(0, lower.length() - LEGACY_SUFFIX.length())
                : lower;
    }
}
