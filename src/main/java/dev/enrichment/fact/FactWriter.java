package dev.enrichment.fact;

import dev.enrichment.PythonIsoTime;
import dev.enrichment.preference.UserDirectory;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores one window's facts in WhisperEngine's {@code fact_entities} and {@code user_fact_relationships}, where the
 * bots read them, applying WhisperEngine's consolidation rules and recording every change in the fact history.
 *
 * <p>Each fact is validated before any SQL runs, so an invalid fact is rejected alone. No statement is expected to
 * fail after that (every upsert is keyed on a unique constraint and every value is within the columns' checks), so
 * there are no savepoints: an unexpected database error fails the caller's transaction, and with it the window,
 * which is then retried as a whole.
 */
@ApplicationScoped
public class FactWriter {

    // One lock order for every window: facts on the same entities cannot deadlock across concurrent windows.
    private static final Comparator<CheckedFact> LOCK_ORDER =
            Comparator.comparing(CheckedFact::entityType).thenComparing(CheckedFact::entityName);

    private final FactStore store;
    private final FactHistory history;
    private final UserDirectory users;
    private final Clock clock;

    FactWriter(FactStore store, FactHistory history, UserDirectory users, Clock clock) {
        this.store = store;
        this.history = history;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FactWriteOutcome write(FactSource source, List<NewFact> facts) {
        requireWindow(source);
        Objects.requireNonNull(facts, "facts");
        Tally tally = new Tally();
        List<CheckedFact> accepted = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            FactCheck.Result result = FactCheck.check(facts.get(i));
            if (result instanceof FactCheck.Accepted valid) {
                accepted.add(valid.fact());
            } else {
                tally.rejections.add("fact " + (i + 1) + ": " + ((FactCheck.Rejected) result).reason());
            }
        }
        if (!accepted.isEmpty()) {
            Instant now = clock.instant();
            users.ensureUser(source.userId(), source.latestMessageAt() != null ? source.latestMessageAt() : now);
            accepted.sort(LOCK_ORDER);
            for (CheckedFact fact : accepted) {
                store(source, fact, now, tally);
            }
        }
        FactWriteOutcome outcome = tally.outcome();
        Log.debugf("Facts for user %s with %s: %s", source.userId(), source.botName(), outcome);
        return outcome;
    }

    private void store(FactSource source, CheckedFact fact, Instant now, Tally tally) {
        List<StoredFact> existing = store.findEntityId(fact.entityType(), fact.entityName())
                .map(entityId -> store.lockFacts(source.userId(), entityId))
                .orElse(List.of());
        FactConsolidation.Plan plan = FactConsolidation.plan(fact.relationshipType(), fact.confidence(), existing);
        for (StoredFact old : plan.superseded()) {
            history.record(
                    source, fact, old.relationshipType(), old.id(), FactChange.SUPERSEDED, old.confidence(), null);
            store.deleteFact(old.id());
            tally.superseded++;
        }
        if (!plan.store()) {
            // the claim loses to a stronger fact, but its evidence is kept
            history.record(source, fact, fact.relationshipType(), null, FactChange.SUPERSEDED, fact.confidence(), null);
            tally.outranked++;
            return;
        }
        Instant extractedAt = source.extractedAt() != null ? source.extractedAt() : now;
        String naiveNow = PythonIsoTime.naiveUtc(now);
        UUID entityId = store.upsertEntity(
                fact,
                Map.of(
                        "extraction_method",
                        FactMetadata.EXTRACTION_METHOD,
                        "extracted_at",
                        PythonIsoTime.utcWithOffset(extractedAt)),
                naiveNow);
        Map<String, Object> metadata = FactMetadata.patch(source, fact, plan.sameType(), extractedAt);
        Optional<StoredFact> sameType = plan.sameType();
        if (sameType.isPresent()) {
            StoredFact old = sameType.get();
            boolean stronger = fact.confidence() > old.confidence();
            history.record(
                    source,
                    fact,
                    fact.relationshipType(),
                    old.id(),
                    stronger ? FactChange.STRENGTHENED : FactChange.CONFIRMED,
                    old.confidence(),
                    Math.max(old.confidence(), fact.confidence()));
            store.upsertFact(source.userId(), entityId, fact, source.botName(), metadata, naiveNow);
            if (stronger) {
                tally.strengthened++;
            } else {
                tally.confirmed++;
            }
        } else {
            UUID id = store.upsertFact(source.userId(), entityId, fact, source.botName(), metadata, naiveNow);
            history.record(source, fact, fact.relationshipType(), id, FactChange.CREATED, null, fact.confidence());
            tally.created++;
        }
    }

    private static void requireWindow(FactSource source) {
        Objects.requireNonNull(source, "source");
        if (source.userId() == null
                || source.userId().isBlank()
                || source.botName() == null
                || source.botName().isBlank()) {
            throw new IllegalArgumentException("a fact source needs a user id and a bot name");
        }
        if (source.windowStart() == null || source.windowEnd() == null) {
            throw new IllegalArgumentException("a fact source needs its window's start and end");
        }
    }

    private static final class Tally {
        int created;
        int strengthened;
        int confirmed;
        int outranked;
        int superseded;
        final List<String> rejections = new ArrayList<>();

        FactWriteOutcome outcome() {
            return new FactWriteOutcome(
                    created, strengthened, confirmed, outranked, superseded, rejections.size(), rejections);
        }
    }
}
