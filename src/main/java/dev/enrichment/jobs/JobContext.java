package dev.enrichment.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a running job sees: its parameters, the checkpoint it resumes from, and the means to record progress
 * (together with the job's own writes, in one transaction), samples and cancellation.
 */
class JobContext<P extends Record> {

    /** The job as this run found it: its checkpoint and saved progress are those of the run it resumes. */
    private final Job job;

    private final P parameters;
    private final ArrayNode sample;
    private final JobStore store;
    private final Clock clock;
    private final JobsConfig config;
    private volatile boolean cancelRequested;
    private Instant lastLogged;
    private Instant lastSaved;

    JobContext(Job job, Class<P> parametersType, JobStore store, Clock clock, JobsConfig config) {
        this.job = job;
        this.parameters = store.fromJson(job.parameters, parametersType).orElseThrow();
        this.sample = job.sample instanceof ArrayNode saved ? saved.deepCopy() : JsonNodeFactory.instance.arrayNode();
        this.cancelRequested = job.cancelRequested;
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.lastLogged = clock.instant();
        this.lastSaved = lastLogged;
    }

    UUID jobId() {
        return job.id;
    }

    boolean dryRun() {
        return job.dryRun;
    }

    P parameters() {
        return parameters;
    }

    /** The checkpoint of the interrupted run this one resumes; empty on a fresh start. */
    <K extends Record> Optional<K> checkpoint(Class<K> type) {
        return store.fromJson(job.checkpoint, type);
    }

    /** The per-bot table saved with the checkpoint; empty on a fresh start. */
    <B extends Record> Map<String, B> savedPerBot(Class<B> row) {
        return store.tableFromJson(job.perBot, row);
    }

    /** The counters saved with the checkpoint; empty on a fresh start. */
    <C extends Record> Optional<C> savedCounters(Class<C> type) {
        return store.fromJson(job.counters, type);
    }

    Clock clock() {
        return clock;
    }

    JobsConfig config() {
        return config;
    }

    /** Keeps one planned change for the job's sample, up to the configured size. */
    void sample(Record change) {
        if (sample.size() < config.sampleSize()) {
            sample.add(store.toJson(change));
        }
    }

    /** Stops the job with {@link JobCancelledException} when an admin asked to cancel it. */
    void stopIfCancelled() {
        if (cancelRequested) {
            throw new JobCancelledException();
        }
    }

    /** Whether an admin asked to cancel: a job that holds unsaved work saves it before it stops. */
    boolean cancelRequested() {
        return cancelRequested;
    }

    /**
     * Whether a job that saves many units of work per checkpoint should save now: {@code pending} units wait and
     * either they reach {@code maxPending} or the last save is at least {@code interval} ago.
     */
    boolean checkpointDue(int pending, int maxPending, Duration interval) {
        return pending > 0 && (pending >= maxPending || !clock.instant().isBefore(lastSaved.plus(interval)));
    }

    void cancelRequested(boolean requested) {
        this.cancelRequested = requested;
    }

    /**
     * Runs {@code writes} and records progress, per-bot table, counters, sample, checkpoint and a fresh heartbeat in
     * the same transaction, so a resumed run continues exactly where the writes stopped.
     */
    void save(JobProgress progress, Record newCheckpoint, Runnable writes) {
        boolean cancel = store.saveProgress(job.id, progress, newCheckpoint, sample.deepCopy(), writes);
        cancelRequested = cancelRequested || cancel;
        Instant now = clock.instant();
        lastSaved = now;
        if (!now.isBefore(lastLogged.plus(config.progressLogInterval()))) {
            lastLogged = now;
            Log.infof(
                    "Job %s (%s): %d of %s done, counters %s",
                    job.id,
                    job.kind,
                    progress.done(),
                    progress.total() == null ? "?" : progress.total().toString(),
                    progress.counters());
        }
    }
}
