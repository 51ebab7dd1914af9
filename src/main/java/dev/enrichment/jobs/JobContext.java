package dev.enrichment.jobs;

import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a running job sees: its parameters, the checkpoint it resumes from, and the means to record progress
 * (together with the job's own writes, in one transaction), samples and cancellation.
 */
class JobContext {

    private final UUID jobId;
    private final String kind;
    private final boolean dryRun;
    private final Map<String, Object> parameters;
    private final Map<String, Object> checkpoint;
    private final Map<String, Object> perBot;
    private final Map<String, Object> counters;
    private final List<Map<String, Object>> sample;
    private final JobStore store;
    private final Clock clock;
    private final JobsConfig config;
    private volatile boolean cancelRequested;
    private Instant lastLogged;

    JobContext(Job job, JobStore store, Clock clock, JobsConfig config) {
        this.jobId = job.id;
        this.kind = job.kind;
        this.dryRun = job.dryRun;
        this.parameters = job.parameters == null ? Map.of() : Map.copyOf(job.parameters);
        this.checkpoint = job.checkpoint;
        this.perBot = job.perBot;
        this.counters = job.counters;
        this.sample = job.sample == null ? new ArrayList<>() : new ArrayList<>(job.sample);
        this.cancelRequested = job.cancelRequested;
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.lastLogged = clock.instant();
    }

    UUID jobId() {
        return jobId;
    }

    boolean dryRun() {
        return dryRun;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** The checkpoint of the interrupted run this one resumes, or null on a fresh start. */
    Map<String, Object> checkpoint() {
        return checkpoint;
    }

    /** The per-bot table saved with the checkpoint, or null on a fresh start. */
    Map<String, Object> savedPerBot() {
        return perBot;
    }

    /** The counters saved with the checkpoint, or null on a fresh start. */
    Map<String, Object> savedCounters() {
        return counters;
    }

    Clock clock() {
        return clock;
    }

    JobsConfig config() {
        return config;
    }

    /** Keeps one planned change for the job's sample, up to the configured size. */
    void sample(Map<String, Object> change) {
        if (sample.size() < config.sampleSize()) {
            sample.add(new LinkedHashMap<>(change));
        }
    }

    /** Stops the job with {@link JobCancelledException} when an admin asked to cancel it. */
    void stopIfCancelled() {
        if (cancelRequested) {
            throw new JobCancelledException();
        }
    }

    void cancelRequested(boolean requested) {
        this.cancelRequested = requested;
    }

    /**
     * Runs {@code writes} and records progress, per-bot table, counters, sample, checkpoint and a fresh heartbeat in
     * the same transaction, so a resumed run continues exactly where the writes stopped.
     */
    void save(JobProgress progress, Map<String, Object> newCheckpoint, Runnable writes) {
        boolean cancel = store.saveProgress(jobId, progress, newCheckpoint, List.copyOf(sample), writes);
        cancelRequested = cancelRequested || cancel;
        Instant now = clock.instant();
        if (!now.isBefore(lastLogged.plus(config.progressLogInterval()))) {
            lastLogged = now;
            Log.infof("Job %s (%s): %d of %s done, counters %s", jobId, kind, progress.done(),
                    progress.total() == null ? "?" : progress.total().toString(), progress.counters());
        }
    }
}
