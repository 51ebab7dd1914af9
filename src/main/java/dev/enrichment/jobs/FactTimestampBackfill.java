package dev.enrichment.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.enrichment.BackgroundExecutors;
import dev.enrichment.PythonIsoTime;
import dev.enrichment.SqlRow;
import dev.enrichment.conversation.BotCollection;
import dev.enrichment.conversation.ConversationSource;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.MessagePage;
import dev.enrichment.conversation.MessageQuery;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * The fact timestamp backfill: gives facts that lack {@code context_metadata.latest_message_timestamp} the newest
 * message timestamp at or before their {@code created_at}. Facts are grouped by (bot, user); the messages of up to
 * {@code JOBS_BACKFILL_USERS_PER_SCAN} users of one bot are read with one paged scan, never one Qdrant query per fact,
 * a few scans at once. A checkpoint follows
 * every {@code JOBS_BACKFILL_CHECKPOINT_INTERVAL} (or {@code JOBS_BACKFILL_CHECKPOINT_GROUPS} groups) and commits the
 * writes of the groups read since the previous one, in group order.
 */
@ApplicationScoped
class FactTimestampBackfill implements JobHandler<FactTimestampBackfill.Parameters, BackfillTally.Result> {

    static final String KIND = "fact-timestamp-backfill";
    static final String REASON = "fact timestamp backfill: newest message at or before created_at";
    private static final String LEGACY_SUFFIX = "_7d";

    private final EntityManager em;
    private final ConversationSource source;
    /** Reads (bot, user) groups ahead of the job, {@code JOBS_BACKFILL_CONCURRENCY} at once. */
    private final ManagedExecutor readers;

    FactTimestampBackfill(EntityManager em, ConversationSource source, JobsConfig config) {
        this.em = em;
        this.source = source;
        this.readers = BackgroundExecutors.atMost(config.backfill().concurrency());
    }

    void onStop(@Observes ShutdownEvent event) {
        readers.shutdownNow();
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
        BackfillTally saved = BackfillTally.resume(context.dryRun(), context.savedPerBot(BackfillTally.BotRow.class));
        GroupKey resumeAfter = context.checkpoint(Checkpoint.class)
                .filter(checkpoint -> checkpoint.lastBot() != null)
                .map(checkpoint -> new GroupKey(checkpoint.lastBot(), checkpoint.lastUserId()))
                .orElse(null);
        Map<GroupKey, List<Candidate>> remaining = resumeAfter == null ? groups : groups.tailMap(resumeAfter, false);
        long total = saved.totals().found()
                + remaining.values().stream().mapToLong(List::size).sum();
        Log.infof(
                "Job %s (%s): %d facts in %d (bot, user) groups to process%s, dry_run=%s",
                context.jobId(),
                KIND,
                total - saved.totals().found(),
                remaining.size(),
                resumeAfter == null ? "" : " after the checkpoint",
                context.dryRun());

        Checkpoints checkpoints = new Checkpoints(
                context, total, PythonIsoTime.naiveUtc(context.clock().instant()), saved);
        JobsConfig.Backfill pace = context.config().backfill();
        List<BackfillGroupOutcome> pending = new ArrayList<>();
        try (ReadAhead<GroupBatch, List<BackfillGroupOutcome>> reads = new ReadAhead<>(
                batches(remaining, pace.usersPerScan()).iterator(),
                batch -> read(context, collections, batch),
                readers,
                pace.concurrency())) {
            while (reads.hasNext()) {
                for (BackfillGroupOutcome outcome : reads.next()) {
                    if (context.cancelRequested()) {
                        // the groups read so far are written before the job stops, as at any checkpoint
                        checkpoints.save(pending);
                        context.stopIfCancelled();
                    }
                    outcome.planned()
                            .forEach((fact, latest) -> context.sample(new PlannedChange(
                                    fact,
                                    outcome.key().bot(),
                                    outcome.key().userId(),
                                    PythonIsoTime.naiveUtc(latest))));
                    pending.add(outcome);
                    if (context.checkpointDue(pending.size(), pace.checkpointGroups(), pace.checkpointInterval())) {
                        checkpoints.save(pending);
                        pending.clear();
                    }
                }
            }
        }
        checkpoints.save(pending);
        BackfillTally.Result result = checkpoints.tally().result();
        Log.infof(
                "Job %s (%s) %s: per bot %s; totals %s",
                context.jobId(),
                KIND,
                context.dryRun() ? "planned (dry run)" : "done",
                result.perBot(),
                result.totals());
        return result;
    }

    /** Consecutive groups of one bot (as the facts name it), whose messages are read together. */
    record GroupBatch(String bot, List<Map.Entry<GroupKey, List<Candidate>>> groups) {}

    /** The groups in order, cut into batches of at most {@code usersPerScan} users of one bot. */
    static List<GroupBatch> batches(Map<GroupKey, List<Candidate>> groups, int usersPerScan) {
        List<GroupBatch> batches = new ArrayList<>();
        GroupBatch current = null;
        for (Map.Entry<GroupKey, List<Candidate>> group : groups.entrySet()) {
            if (current == null
                    || !current.bot().equals(group.getKey().bot())
                    || current.groups().size() >= usersPerScan) {
                current = new GroupBatch(group.getKey().bot(), new ArrayList<>());
                batches.add(current);
            }
            current.groups().add(group);
        }
        return batches;
    }

    /**
     * Plans a batch of groups (on a reader thread): reads their users' messages with one scan per collection and
     * picks each fact's timestamp. Never throws: when the scan fails, each group is read again on its own, so that
     * only the group that cannot be read is counted as failed.
     */
    private List<BackfillGroupOutcome> read(
            JobContext<Parameters> context, Map<String, List<BotCollection>> collections, GroupBatch batch) {
        String bot = canonicalBot(batch.bot());
        List<BotCollection> botCollections = collections.getOrDefault(bot, List.of());
        if (botCollections.isEmpty()) {
            return batch.groups().stream()
                    .map(group -> BackfillGroupOutcome.read(
                            group.getKey(),
                            bot,
                            botCollections,
                            group.getValue().size(),
                            Map.of()))
                    .toList();
        }
        try {
            Map<String, TreeSet<Instant>> timestamps = messageTimestamps(botCollections, batch.groups());
            return batch.groups().stream()
                    .map(group -> plan(
                            group.getKey(),
                            bot,
                            botCollections,
                            group.getValue(),
                            timestamps.get(group.getKey().userId())))
                    .toList();
        } catch (RuntimeException e) {
            if (batch.groups().size() > 1) {
                return batch.groups().stream()
                        .flatMap(group ->
                                read(context, collections, new GroupBatch(batch.bot(), List.of(group))).stream())
                        .toList();
            }
            GroupKey key = batch.groups().get(0).getKey();
            Log.warnf(
                    "Job %s (%s): group %s/%s failed: %s",
                    context.jobId(), KIND, key.bot(), key.userId(), e.getMessage());
            return List.of(BackfillGroupOutcome.unreadable(
                    key, bot, botCollections, batch.groups().get(0).getValue().size(), e.getMessage()));
        }
    }

    /** Each fact's newest message at or before its creation. */
    private static BackfillGroupOutcome plan(
            GroupKey key,
            String bot,
            List<BotCollection> collections,
            List<Candidate> facts,
            TreeSet<Instant> timestamps) {
        Map<UUID, Instant> planned = new LinkedHashMap<>();
        for (Candidate fact : facts) {
            Instant latest = timestamps.floor(fact.createdAt());
            if (latest != null) {
                planned.put(fact.id(), latest);
            }
        }
        return BackfillGroupOutcome.read(key, bot, collections, facts.size(), planned);
    }

    /**
     * Saves groups read since the last checkpoint: their writes, the tally and the checkpoint (the last group) in one
     * transaction, so that a crash leaves either all of them done or none and a resumed run redoes those not saved.
     */
    private final class Checkpoints {

        private final JobContext<Parameters> context;
        private final long total;
        private final String backfilledAt;
        /** The counts as last saved. */
        private BackfillTally saved;

        Checkpoints(JobContext<Parameters> context, long total, String backfilledAt, BackfillTally saved) {
            this.context = context;
            this.total = total;
            this.backfilledAt = backfilledAt;
            this.saved = saved;
        }

        BackfillTally tally() {
            return saved;
        }

        void save(List<BackfillGroupOutcome> groups) {
            if (groups.isEmpty()) {
                return;
            }
            try {
                saved = commit(groups);
            } catch (JobCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                if (groups.size() == 1) {
                    // The group's writes rolled back together with its checkpoint: record the failure and go on.
                    BackfillGroupOutcome group = groups.get(0);
                    Log.warnf(
                            "Job %s (%s): group %s/%s not written: %s",
                            context.jobId(),
                            KIND,
                            group.key().bot(),
                            group.key().userId(),
                            e.getMessage());
                    saved = commit(List.of(group.writeFailed(e.getMessage())));
                } else {
                    // One group's bad row must not fail the others: each again in its own transaction.
                    groups.forEach(group -> save(List.of(group)));
                }
            }
        }

        private BackfillTally commit(List<BackfillGroupOutcome> groups) {
            BackfillTally tally = saved.copy();
            groups.forEach(group -> group.countInto(tally));
            Map<UUID, Instant> planned = new LinkedHashMap<>();
            groups.stream()
                    .filter(group -> group.writeError() == null)
                    .forEach(group -> planned.putAll(group.planned()));
            GroupKey last = groups.get(groups.size() - 1).key();
            context.save(
                    tally.progress(total),
                    new Checkpoint(last.bot(), last.userId()),
                    context.dryRun() || planned.isEmpty() ? () -> {} : () -> write(planned, backfilledAt));
            return tally;
        }
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

    /**
     * The users' message timestamps up to the batch's newest fact, from one paged scan of each of the bot's collections
     * (a later message is never any fact's, since each fact takes the newest at or before its own creation).
     */
    private Map<String, TreeSet<Instant>> messageTimestamps(
            List<BotCollection> collections, List<Map.Entry<GroupKey, List<Candidate>>> groups) {
        Instant newest = groups.stream()
                .flatMap(group -> group.getValue().stream())
                .map(Candidate::createdAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        // until() is exclusive and a message at exactly created_at counts, hence the microsecond.
        Instant until = newest.plus(1, ChronoUnit.MICROS);
        Map<String, TreeSet<Instant>> timestamps = new HashMap<>();
        groups.forEach(group -> timestamps.put(group.getKey().userId(), new TreeSet<>()));
        Consumer<MessagePage> collect = page -> {
            for (Message message : page.messages()) {
                TreeSet<Instant> user = timestamps.get(message.userId());
                if (user != null) {
                    user.add(message.timestamp());
                }
            }
        };
        for (BotCollection collection : collections) {
            MessageQuery query = MessageQuery.all(collection).until(until);
            if (timestamps.size() == 1) {
                source.forEachPage(query.forUser(timestamps.keySet().iterator().next()), collect);
            } else {
                source.forEachPageOfUsers(query, timestamps.keySet(), collect);
            }
        }
        return timestamps;
    }

    /**
     * Merges the keys into context_metadata (never replacing it), only where the key is still missing: one statement
     * for all the planned facts, which arrive as one JSON array of (id, timestamp).
     */
    private void write(Map<UUID, Instant> planned, String backfilledAt) {
        ArrayNode changes = JsonNodeFactory.instance.arrayNode(planned.size());
        planned.forEach((fact, latest) ->
                changes.addObject().put("id", fact.toString()).put("ts", PythonIsoTime.naiveUtc(latest)));
        em.createNativeQuery("""
                UPDATE user_fact_relationships f
                SET context_metadata = (CASE jsonb_typeof(f.context_metadata)
                                            WHEN 'object' THEN f.context_metadata
                                            WHEN 'string' THEN (f.context_metadata #>> '{}')::jsonb
                                            ELSE '{}'::jsonb END)
                    || jsonb_build_object('latest_message_timestamp', c.ts,
                                          'backfilled_at', CAST(?2 AS text),
                                          'backfill_reason', CAST(?3 AS text))
                FROM jsonb_to_recordset(CAST(?1 AS jsonb)) AS c(id uuid, ts text)
                WHERE f.id = c.id
                  AND (f.context_metadata IS NULL OR f.context_metadata ->> 'latest_message_timestamp' IS NULL)
                """)
                .setParameter(1, changes.toString())
                .setParameter(2, backfilledAt)
                .setParameter(3, REASON)
                .executeUpdate();
    }

    /** Legacy fact bot names such as {@code elena_7d} belong to bot {@code elena}. */
    static String canonicalBot(String bot) {
        String lower = bot.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(LEGACY_SUFFIX) && lower.length() > LEGACY_SUFFIX.length()
                ? lower.substring(0, lower.length() - LEGACY_SUFFIX.length())
                : lower;
    }
}
