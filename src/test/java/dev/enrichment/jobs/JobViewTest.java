package dev.enrichment.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobViewTest {

    private static final Instant STARTED = Instant.parse("2025-10-21T01:00:00Z");

    @Test
    void estimatesTheTimeLeftFromThePaceSoFar() {
        Job job = job(JobStatus.RUNNING, 25, 100L);

        JobView view = JobView.of(job, Clock.fixed(STARTED.plusSeconds(60), ZoneOffset.UTC));

        assertThat(view.progress()).isEqualTo(new JobView.Progress(25, 100L, 25.0, 180L));
        assertThat(view.status()).isEqualTo("running");
    }

    @Test
    void hasNoEstimateBeforeTheFirstItem() {
        JobView view = JobView.of(job(JobStatus.RUNNING, 0, 100L), Clock.fixed(STARTED, ZoneOffset.UTC));

        assertThat(view.progress()).isEqualTo(new JobView.Progress(0, 100L, 0.0, null));
    }

    @Test
    void aFinishedJobWithNothingToDoIsComplete() {
        JobView view = JobView.of(job(JobStatus.SUCCEEDED, 0, 0L), Clock.fixed(STARTED, ZoneOffset.UTC));

        assertThat(view.progress()).isEqualTo(new JobView.Progress(0, 0L, 100.0, 0L));
    }

    private static Job job(JobStatus status, long done, Long total) {
        Job job = new Job();
        job.kind = "test";
        job.status = status;
        job.progressDone = done;
        job.progressTotal = total;
        job.startedAt = STARTED;
        job.createdAt = STARTED;
        return job;
    }
}
