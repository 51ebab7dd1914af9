package dev.enrichment.jobs;

import dev.enrichment.BackgroundExecutors;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Starts, observes and cancels admin jobs. Each job runs as a background task with a heartbeat; a job whose
 * process died (stale heartbeat) is resumed from its checkpoint by exactly one replica, at startup and periodically.
 */
@ApplicationScoped
public class JobService {

    private final JobStore store;
    private final Map<String, JobHandler<?, ?>> handlers = new HashMap<>();
    private final Clock clock;
    private final JobsConfig config;
    private final Map<UUID, JobContext<?>> running = new ConcurrentHashMap<>();
    /** One task per running job, as many as run. */
    private final ManagedExecutor runners;

    JobService(JobStore store, @Any Instance<JobHandler<?, ?>> handlers, Clock clock, JobsConfig config) {
        this.store = store;
        for (JobHandler<?, ?> handler : handlers) {
            this.handlers.put(handler.kind(), handler);
        }
        this.clock = clock;
        this.config = config;
        this.runners = BackgroundExecutors.atMost(-1);
    }

    void onStop(@Observes ShutdownEvent event) {
        // Running jobs keep status running; their heartbeat goes stale and a replica (or the next start) resumes them.
        runners.shutdownNow();
    }

    /**
     * Queues a job and starts it in the background.
     *
     * @param parameters the parameters record of that kind's handler
     * @throws JobAlreadyRunningException when a job of that kind is already queued or running
     */
    JobView start(String kind, Record parameters, boolean dryRun, String startedBy) {
        JobHandler<?, ?> handler = handlers.get(kind);
        if (handler == null || !handler.parametersType().isInstance(parameters)) {
            throw new IllegalArgumentException("no " + kind + " job takes " + parameters);
        }
        Job job = store.create(kind, parameters, dryRun, startedBy);
        Log.infof(
                "Job %s (%s) queued by %s, dry_run=%s, parameters %s", job.id, kind, startedBy, dryRun, job.parameters);
        runners.submit(() -> run(job.id));
        return JobView.of(job, clock);
    }

    Optional<JobView> find(UUID id) {
        return store.find(id).map(job -> JobView.of(job, clock));
    }

    List<JobView> list(String kind, JobStatus status, int limit) {
        return store.list(kind, status, limit).stream()
                .map(job -> JobView.of(job, clock))
                .toList();
    }

    /** Asks the job to stop at its next checkpoint; empty when there is no such job. */
    Optional<JobView> cancel(UUID id) {
        Optional<Job> job = store.requestCancel(id);
        job.filter(j -> j.cancelRequested).ifPresent(j -> {
            JobContext<?> context = running.get(id);
            if (context != null) {
                context.cancelRequested(true);
            }
            Log.infof("Job %s (%s): cancellation requested", id, j.kind);
        });
        return job.map(j -> JobView.of(j, clock));
    }

    /** Claims and resumes every job whose process died; returns how many this replica took over. */
    int resumeStale() {
        int resumed = 0;
        Optional<UUID> claimed;
        while ((claimed = store.claimStale(clock.instant().minus(config.staleAfter()))).isPresent()) {
            UUID id = claimed.get();
            Log.infof("Job %s: its heartbeat stopped; resuming it from its checkpoint", id);
            runners.submit(() -> run(id));
            resumed++;
        }
        return resumed;
    }

    /** Runs the job on the calling thread until it ends; the outcome is stored on the job. */
    void run(UUID id) {
        Job job = store.markRunning(id);
        if (job.cancelRequested) {
            store.finish(id, JobStatus.CANCELLED, null, null);
            return;
        }
        run(job, handlers.get(job.kind));
    }

    private <P extends Record> void run(Job job, JobHandler<P, ?> handler) {
        try {
            JobContext<P> context = new JobContext<>(job, handler.parametersType(), store, clock, config);
            running.put(job.id, context);
            Record result = handler.run(context);
            store.finish(job.id, JobStatus.SUCCEEDED, result, null);
            Log.infof("Job %s (%s) succeeded: %s", job.id, job.kind, result);
        } catch (JobCancelledException e) {
            store.finish(job.id, JobStatus.CANCELLED, null, null);
            Log.infof("Job %s (%s) cancelled", job.id, job.kind);
        } catch (RuntimeException e) {
            store.finish(job.id, JobStatus.FAILED, null, String.valueOf(e.getMessage()));
            Log.errorf(e, "Job %s (%s) failed", job.id, job.kind);
        } finally {
            running.remove(job.id);
        }
    }

    /** Refreshes the heartbeat of the jobs this process runs and passes on cancellations asked for elsewhere. */
    @Scheduled(
            identity = "job-heartbeat",
            every = "${jobs.heartbeat-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        try {
            Set<UUID> cancelled = store.heartbeat(Set.copyOf(running.keySet()));
            cancelled.forEach(id -> {
                JobContext<?> context = running.get(id);
                if (context != null) {
                    context.cancelRequested(true);
                }
            });
        } catch (RuntimeException e) {
            Log.warnf("Job heartbeat failed: %s", e.getMessage());
        }
    }

    /** Resumes jobs whose process died; the first check comes right after startup. */
    @Scheduled(
            identity = "job-stale-check",
            every = "${jobs-stale-check.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void staleCheck() {
        try {
            resumeStale();
        } catch (RuntimeException e) {
            Log.warnf("Looking for jobs to resume failed: %s", e.getMessage());
        }
    }
}
