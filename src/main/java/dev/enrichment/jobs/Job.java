package dev.enrichment.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A persisted admin job: what it does, how far it got and how it ended ({@code enrichment_jobs}). */
@Entity
@Table(name = "enrichment_jobs")
public class Job extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    public UUID id;

    /** What the job does, e.g. the fact timestamp backfill or a bulk regeneration. */
    @Column(name = "kind", nullable = false)
    public String kind;

    @Convert(converter = JobStatusConverter.class)
    @Column(name = "status", nullable = false)
    public JobStatus status = JobStatus.QUEUED;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    /** This and the other JSON columns hold the records of the job's kind as {@link JobStore} writes them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parameters", nullable = false)
    public JsonNode parameters = JsonNodeFactory.instance.objectNode();

    @Column(name = "progress_done", nullable = false)
    public long progressDone;

    @Column(name = "progress_total")
    public Long progressTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result")
    public JsonNode result;

    @Column(name = "error")
    public String error;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    /** Who started the job: the caller's role, never the key. */
    @Column(name = "started_by")
    public String startedBy;

    /** Refreshed while the job runs; a stale heartbeat means the process running it died. */
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "checkpoint")
    public JsonNode checkpoint;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "per_bot")
    public JsonNode perBot;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "counters")
    public JsonNode counters;

    /** For a dry run: a sample of the planned changes. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sample")
    public JsonNode sample;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
