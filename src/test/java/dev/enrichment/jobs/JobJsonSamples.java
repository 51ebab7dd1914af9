package dev.enrichment.jobs;

import dev.enrichment.conversation.BotCollection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** For {@code NativeReflectionTest}: a job as the jobs feature stores it and shows it, built by the real code. */
public final class JobJsonSamples {

    private static final Instant NOW = Instant.parse("2025-10-21T01:00:40Z");

    private JobJsonSamples() {
    }

    /**
     * A running backfill as {@link JobResource} answers it; its per-bot table, counters and result (the JSON columns
     * of {@code enrichment_jobs}) come from {@link BackfillTally}.
     */
    public static JobView backfillView() {
        BackfillTally tally = BackfillTally.resume(true, null);
        tally.found("elena_7d", "elena", List.of(new BotCollection("whisperengine_memory_elena_7d", "elena")), 3);
        tally.updated("elena_7d", 1);
        tally.noMessages("elena_7d");
        tally.failed("elena_7d", 1, "u2: no answer within 30 s");
        JobProgress progress = tally.progress(3);

        Job job = new Job();
        job.id = UUID.fromString("3f2b8c1e-6a2d-4c55-9a57-0b1e2f3a4b5c");
        job.kind = FactTimestampBackfill.KIND;
        job.status = JobStatus.RUNNING;
        job.dryRun = true;
        job.parameters = Map.of("bots", List.of("elena"));
        job.progressDone = progress.done();
        job.progressTotal = progress.total();
        job.perBot = progress.perBot();
        job.counters = progress.counters();
        job.checkpoint = Map.of("last_bot", "elena_7d", "last_user_id", "u2");
        job.sample = List.of(Map.of("fact_id", "9d4c6b0a-1f3e-4e8b-8a57-2c1d0e9f8a7b", "bot", "elena_7d",
                "user_id", "u1", "latest_message_timestamp", "2025-10-18T23:23:30.655569"));
        job.result = tally.result();
        job.startedBy = "admin key";
        job.createdAt = NOW.minusSeconds(40);
        job.startedAt = NOW.minusSeconds(39);
        job.heartbeatAt = NOW;
        job.updatedAt = NOW;
        return JobView.of(job, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
