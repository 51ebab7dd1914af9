package dev.enrichment.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A job as the admin API shows it: status, progress with percent and ETA, per-bot table, counters, sample. */
// Starting and cancelling a job send it inside a Response, which Quarkus cannot see into for the native image.
@RegisterForReflection
public record JobView(
        UUID id,
        String kind,
        String status,
        boolean dryRun,
        JsonNode parameters,
        String startedBy,
        Progress progress,
        JsonNode perBot,
        JsonNode counters,
        JsonNode sample,
        JsonNode result,
        String error,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant heartbeatAt) {

    /** Items done of the total, the percent and the estimated seconds left (null when unknown). */
    @RegisterForReflection
    public record Progress(long done, Long total, Double percent, Long etaSeconds) {}

    static JobView of(Job job, Clock clock) {
        return new JobView(
                job.id,
                job.kind,
                job.status.name().toLowerCase(java.util.Locale.ROOT),
                job.dryRun,
                job.parameters,
                job.startedBy,
                progress(job, clock),
                job.perBot,
                job.counters,
                job.sample,
                job.result,
                job.error,
                job.cancelRequested,
                job.createdAt,
                job.startedAt,
                job.finishedAt,
                job.heartbeatAt);
    }

    private static Progress progress(Job job, Clock clock) {
        Long total = job.progressTotal;
        Double percent = null;
        Long eta = null;
        if (total != null && total > 0) {
            percent = Math.round(1000d * job.progressDone / total) / 10d;
        } else if (total != null && job.status == JobStatus.SUCCEEDED) {
            percent = 100d;
        }
        if (job.status == JobStatus.RUNNING && total != null && job.progressDone > 0 && job.startedAt != null) {
            long elapsed = Duration.between(job.startedAt, clock.instant()).toSeconds();
            eta = Math.max(0, elapsed * (total - job.progressDone) / job.progressDone);
        } else if (job.status != JobStatus.QUEUED && job.status != JobStatus.RUNNING) {
            eta = 0L;
        }
        return new Progress(job.progressDone, total, percent, eta);
    }
}
