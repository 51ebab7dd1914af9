package dev.enrichment.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.conversation.BotCollection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/** For {@code NativeReflectionTest}: the records the job kinds store as JSON, and a job as the API shows it. */
public final class JobJsonSamples {

    private static final Instant NOW = Instant.parse("2025-10-21T01:00:40Z");

    private JobJsonSamples() {}

    /**
     * Every record a job kind keeps in the JSON columns of {@code enrichment_jobs} (parameters, per-bot rows,
     * counters, checkpoints, samples, results), the backfill's built by the real {@link BackfillTally}.
     */
    public static List<Record> storedRecords() {
        BackfillTally tally = tally();
        JobProgress progress = tally.progress(3);
        SummaryRegeneration.Failure failure = new SummaryRegeneration.Failure(7, "elena", "LLM unavailable");
        SummaryRegeneration.Estimate estimate = new SummaryRegeneration.Estimate(6, 6, 16_020, 2_400, 0.0841);
        SummaryRegeneration.Counts counts = new SummaryRegeneration.Counts(6, 5L, 1L, 0L, 1L);
        HistoryEnrichment.PhaseFigures phase = new HistoryEnrichment.PhaseFigures(
                "0-30d",
                NOW.minusSeconds(86_400 * 30),
                NOW,
                12,
                96,
                1,
                2,
                3,
                4_100,
                4_800,
                0.0843,
                12L,
                11L,
                0L,
                1L,
                3L,
                4_050L,
                3_900L,
                0.0707);
        HistoryEnrichment.Figures history = new HistoryEnrichment.Figures(
                NOW.minusSeconds(86_400 * 200),
                NOW,
                12,
                96,
                4_100,
                4_800,
                0.0843,
                11L,
                4_050L,
                3_900L,
                0.0707,
                false,
                List.of(phase));
        return List.of(
                new FactTimestampBackfill.Parameters(List.of("elena")),
                new FactTimestampBackfill.Checkpoint("elena_7d", "u2"),
                new FactTimestampBackfill.PlannedChange(
                        UUID.fromString("9d4c6b0a-1f3e-4e8b-8a57-2c1d0e9f8a7b"),
                        "elena_7d",
                        "u1",
                        "2025-10-18T23:23:30.655569"),
                progress.counters(),
                progress.perBot().values().iterator().next(),
                tally.result(),
                new SummaryRegeneration.Parameters(
                        "marcus", null, NOW.minusSeconds(86_400), NOW, "time_window", 0.9, "v2", true, 100),
                new SummaryRegeneration.Selected(7, "elena", "u1", NOW.minusSeconds(86_400), NOW, "time_window", 27),
                estimate,
                counts,
                new SummaryRegeneration.Checkpoint(List.of(7, 8), List.of("elena"), 1, List.of(failure)),
                new SummaryRegeneration.Result(estimate, counts, List.of(failure)),
                new SearchIndexBackfill.Parameters(List.of("elena")),
                new SearchIndexBackfill.Checkpoint("week", 42, 1_042),
                new SearchIndexBackfill.Result(new SearchIndexBackfill.Counts(1_000, 40, 10), 1_042),
                new HistoryEnrichment.Parameters(
                        NOW.minusSeconds(86_400 * 200),
                        NOW,
                        List.of("elena"),
                        List.of("u1"),
                        List.of(30, 90),
                        1_000L,
                        30,
                        8),
                history,
                new HistoryEnrichment.Checkpoint(NOW.minusSeconds(86_400 * 200), NOW, 1, true, history.phases()),
                new HistoryEnrichment.BotFigures(12, 96),
                new HistoryEnrichment.Planned("0-30d", "elena", "u1", NOW.minusSeconds(86_400), 8));
    }

    /** A running backfill as {@link JobResource} answers it, its JSON columns written by {@code mapper}. */
    public static JobView backfillView(ObjectMapper mapper) {
        BackfillTally tally = tally();
        JobProgress progress = tally.progress(3);
        Job job = new Job();
        job.id = UUID.fromString("3f2b8c1e-6a2d-4c55-9a57-0b1e2f3a4b5c");
        job.kind = FactTimestampBackfill.KIND;
        job.status = JobStatus.RUNNING;
        job.dryRun = true;
        job.parameters = mapper.valueToTree(new FactTimestampBackfill.Parameters(List.of("elena")));
        job.progressDone = progress.done();
        job.progressTotal = progress.total();
        job.perBot = mapper.valueToTree(progress.perBot());
        job.counters = mapper.valueToTree(progress.counters());
        job.result = mapper.valueToTree(tally.result());
        job.startedBy = "admin key";
        job.createdAt = NOW.minusSeconds(40);
        job.startedAt = NOW.minusSeconds(39);
        job.heartbeatAt = NOW;
        job.updatedAt = NOW;
        return JobView.of(job, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static BackfillTally tally() {
        BackfillTally tally = BackfillTally.resume(true, new TreeMap<>());
        tally.found("elena_7d", "elena", List.of(new BotCollection("whisperengine_memory_elena_7d", "elena")), 3);
        tally.updated("elena_7d", 1);
        tally.noMessages("elena_7d", 1);
        tally.failed("elena_7d", 1, "u2: no answer within 30 s");
        return tally;
    }
}
