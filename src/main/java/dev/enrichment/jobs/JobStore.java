package dev.enrichment.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The jobs table: every read and write of {@code enrichment_jobs}, each in its own transaction. */
@ApplicationScoped
class JobStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManager em;
    private final Clock clock;
    /** The application's mapper, leaving absent values out: the job kinds' records in the JSON columns. */
    private final ObjectMapper mapper;

    JobStore(EntityManager em, Clock clock, ObjectMapper mapper) {
        this.em = em;
        this.clock = clock;
        this.mapper = mapper.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The JSON of a record, or of a list or map of them; null for null. */
    JsonNode toJson(Object value) {
        return value == null ? null : mapper.valueToTree(value);
    }

    /** Stored JSON read as {@code type}; empty for a missing value. */
    <T> Optional<T> fromJson(JsonNode json, Class<T> type) {
        return json == null || json.isNull() ? Optional.empty() : Optional.of(mapper.convertValue(json, type));
    }

    /** A stored per-bot table, bot to row, as a sorted map to carry on with; empty for a missing value. */
    <T> Map<String, T> tableFromJson(JsonNode json, Class<T> row) {
        return json == null || json.isNull()
                ? new TreeMap<>()
                : mapper.convertValue(json, mapper.getTypeFactory().constructMapType(TreeMap.class, String.class, row));
    }

    /**
     * Inserts a queued job.
     *
     * @throws JobAlreadyRunningException when a job of that kind is queued or running (on any replica)
     */
    Job create(String kind, Record parameters, boolean dryRun, String startedBy) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                Job job = new Job();
                job.kind = kind;
                job.parameters = toJson(parameters);
                job.dryRun = dryRun;
                job.startedBy = startedBy;
                job.status = JobStatus.QUEUED;
                job.createdAt = now;
                job.updatedAt = now;
                em.persist(job);
                em.flush();
                return job;
            });
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new JobAlreadyRunningException(kind);
            }
            throw e;
        }
    }

    Optional<Job> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(em.find(Job.class, id)));
    }

    /** Newest first, optionally of one kind and status. */
    List<Job> list(String kind, JobStatus status, int limit) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("""
                SELECT j FROM Job j
                WHERE (:kind IS NULL OR j.kind = :kind) AND (:status IS NULL OR j.status = :status)
                ORDER BY j.createdAt DESC
                """, Job.class)
                        .setParameter("kind", kind)
                        .setParameter("status", status)
                        .setMaxResults(limit)
                        .getResultList());
    }

    /** Marks the job running (again) with a fresh heartbeat; returns its current state. */
    Job markRunning(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Job job = em.find(Job.class, id);
            Instant now = clock.instant();
            job.status = JobStatus.RUNNING;
            if (job.startedAt == null) {
                job.startedAt = now;
            }
            job.heartbeatAt = now;
            job.updatedAt = now;
            return job;
        });
    }

    /** Runs the job's writes and records its progress in one transaction; returns whether cancel was requested. */
    boolean saveProgress(UUID id, JobProgress progress, Record checkpoint, JsonNode sample, Runnable writes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            writes.run();
            Job job = em.find(Job.class, id);
            Instant now = clock.instant();
            job.progressDone = progress.done();
            job.progressTotal = progress.total();
            job.perBot = toJson(progress.perBot());
            job.counters = toJson(progress.counters());
            job.checkpoint = toJson(checkpoint);
            job.sample = sample;
            job.heartbeatAt = now;
            job.updatedAt = now;
            return job.cancelRequested;
        });
    }

    void finish(UUID id, JobStatus status, Record result, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Job job = em.find(Job.class, id);
            Instant now = clock.instant();
            job.status = status;
            job.result = toJson(result);
            job.error = error;
            job.finishedAt = now;
            job.heartbeatAt = now;
            job.updatedAt = now;
        });
    }

    /** Refreshes the heartbeat of jobs this process runs; returns those an admin asked to cancel. */
    Set<UUID> heartbeat(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            em.createQuery("UPDATE Job j SET j.heartbeatAt = :now WHERE j.id IN :ids AND j.status = :running")
                    .setParameter("now", now)
                    .setParameter("ids", ids)
                    .setParameter("running", JobStatus.RUNNING)
                    .executeUpdate();
            return new HashSet<>(
                    em.createQuery("SELECT j.id FROM Job j WHERE j.id IN :ids AND j.cancelRequested = true", UUID.class)
                            .setParameter("ids", ids)
                            .getResultList());
        });
    }

    /**
     * Takes over one job whose process died: running with a heartbeat older than {@code cutoff}, or queued that long
     * without being started. {@code SKIP LOCKED} makes exactly one replica win each job.
     */
    Optional<UUID> claimStale(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Object> claimed = em.createNativeQuery("""
                    UPDATE enrichment_jobs SET heartbeat_at = ?1, updated_at = ?1
                    WHERE id = (SELECT id FROM enrichment_jobs
                                WHERE status IN ('queued', 'running') AND COALESCE(heartbeat_at, created_at) < ?2
                                ORDER BY created_at
                                LIMIT 1
                                FOR UPDATE SKIP LOCKED)
                    RETURNING id
                    """)
                    .setParameter(1, now)
                    .setParameter(2, cutoff)
                    .getResultList();
            return claimed.stream()
                    .findFirst()
                    .map(value -> value instanceof UUID u ? u : UUID.fromString(value.toString()));
        });
    }

    /** Asks a queued or running job to stop; empty when there is no such job. */
    Optional<Job> requestCancel(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Job job = em.find(Job.class, id);
            if (job == null) {
                return Optional.empty();
            }
            if (job.status == JobStatus.QUEUED || job.status == JobStatus.RUNNING) {
                job.cancelRequested = true;
                job.updatedAt = clock.instant();
            }
            return Optional.of(job);
        });
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
