package dev.enrichment.jobs;

import dev.enrichment.security.AdminAccess;
import dev.enrichment.security.ApiCaller;
import dev.enrichment.web.ApiProblem;
import dev.enrichment.web.ProblemResponses;
import dev.enrichment.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin jobs: start the fact timestamp backfill, a bulk regeneration or a history enrichment, follow them, cancel them. */
@Path("/api/v1/admin/jobs")
@Tag(name = "jobs", description = "Long admin operations: persisted, resumable, cancellable")
@Produces(MediaType.APPLICATION_JSON)
@AdminAccess
public class JobResource {

    private static final Instant FIRST_YEAR =
            LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_YEAR_9999 =
            LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    static final String PATH = "/api/v1/admin/jobs";

    /** A dry-run backfill as GET /admin/jobs/{id} shows it, for the API description. */
    static final String JOB_EXAMPLE = """
            {"id": "3f2b8c1e-6a2d-4c55-9a57-0b1e2f3a4b5c", "kind": "fact-timestamp-backfill",
             "status": "running", "dry_run": true, "parameters": {"bots": ["elena"]}, "started_by": "admin key",
             "progress": {"done": 120, "total": 361, "percent": 33.2, "eta_seconds": 48},
             "per_bot": {"elena": {"found": 361, "would_update": 118, "skipped_no_messages": 2, "failed": 0}},
             "counters": {"found": 361, "would_update": 118, "skipped_no_messages": 2, "failed": 0},
             "sample": [{"fact_id": "9d4c6b0a-1f3e-4e8b-8a57-2c1d0e9f8a7b", "bot": "elena",
                         "user_id": "672814231002939413", "latest_message_timestamp": "2025-10-18T23:23:30.655569"}],
             "result": null, "error": null, "cancel_requested": false, "created_at": "2025-10-21T01:00:00Z",
             "started_at": "2025-10-21T01:00:01Z", "finished_at": null, "heartbeat_at": "2025-10-21T01:00:41Z"}""";

    private static final int LIST_LIMIT = 100;

    private final JobService jobs;
    private final ApiCaller caller;

    JobResource(JobService jobs, ApiCaller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List jobs", description = "Newest first, at most 100.")
    @APIResponse(
            responseCode = "200",
            description = "The jobs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "jobs", value = "[" + JOB_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<JobView> list(
            @Parameter(description = "Only this kind") @QueryParam("kind") String kind,
            @Parameter(
                            description = "Only this status: queued, running, succeeded, failed, cancelled",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("status")
                    JobStatus status) {
        return jobs.list(kind, status, LIST_LIMIT);
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "One job",
            description = "Status, percent, ETA, per-bot table, counters and, for a dry "
                    + "run, a sample of the planned changes.")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public JobView get(@Parameter(description = "Job id") @PathParam("id") String id) {
        return jobs.find(uuid(id)).orElseThrow(() -> ApiProblem.notFound("no job " + id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            summary = "Cancel a job",
            description = "A queued or running job stops at its next checkpoint; " + "a finished job is left as it is.")
    @APIResponse(
            responseCode = "202",
            description = "Cancellation requested (or the job had already ended)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public Response cancel(@Parameter(description = "Job id") @PathParam("id") String id) {
        JobView view = jobs.cancel(uuid(id)).orElseThrow(() -> ApiProblem.notFound("no job " + id));
        return Response.accepted(view)
                .location(URI.create(PATH + "/" + view.id()))
                .build();
    }

    @POST
    @Path("/search-index")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start the search index backfill",
            description = "Puts every existing summary (days, the old worker's included, and week/month rollups) "
                    + "into the search index's outbox; the worker embeds and indexes them over the next cycles. "
                    + "A dry run (the default) counts them per bot and granularity.")
    @APIResponse(
            responseCode = "202",
            description = "The job was queued (Location: the job)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response searchIndex(@Valid SearchIndexRequest request) {
        SearchIndexRequest body = request == null ? new SearchIndexRequest(null, null) : request;
        List<String> bots = botNames(body.bots());
        return started(jobs.start(
                SearchIndexBackfill.KIND,
                new SearchIndexBackfill.Parameters(bots.isEmpty() ? null : bots),
                !Boolean.FALSE.equals(body.dryRun()),
                startedBy()));
    }

    @POST
    @Path("/fact-timestamp-backfill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start the fact timestamp backfill",
            description = "Gives facts without "
                    + "context_metadata.latest_message_timestamp the newest message timestamp at or before their created_at. "
                    + "A dry run (the default) plans and writes nothing.")
    @APIResponse(
            responseCode = "202",
            description = "The job was queued (Location: the job)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response factTimestampBackfill(@Valid FactBackfillRequest request) {
        FactBackfillRequest body = request == null ? new FactBackfillRequest(null, null) : request;
        List<String> bots = botNames(body.bots());
        return started(jobs.start(
                FactTimestampBackfill.KIND,
                new FactTimestampBackfill.Parameters(bots.isEmpty() ? null : bots),
                !Boolean.FALSE.equals(body.dryRun()),
                startedBy()));
    }

    @POST
    @Path("/summary-regeneration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a bulk summary regeneration",
            description = "Re-analyses the selected summaries "
                    + "newest first, keeping each old text as a revision. A dry run (the default) reports counts and an "
                    + "estimate of tokens and cost.")
    @APIResponse(
            responseCode = "202",
            description = "The job was queued (Location: the job)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response summaryRegeneration(@Valid SummaryRegenerationRequest request) {
        SummaryRegenerationRequest body = request == null
                ? new SummaryRegenerationRequest(null, null, null, null, null, null, null, null, null, null)
                : request;
        if (body.limit() != null && body.limit() < 1) {
            throw ApiProblem.badRequest("limit", "must be at least 1");
        }
        requireFourDigitYear("from", body.from());
        requireFourDigitYear("to", body.to());
        if (body.from() != null && body.to() != null && !body.from().isBefore(body.to())) {
            throw ApiProblem.badRequest("to", "must be after from");
        }
        SummaryRegeneration.Parameters parameters = new SummaryRegeneration.Parameters(
                QueryParams.text(body.bot()),
                QueryParams.text(body.userId()),
                body.from(),
                body.to(),
                QueryParams.text(body.summaryType()),
                body.maxConfidence(),
                QueryParams.text(body.enrichmentVersionBelow()),
                Boolean.TRUE.equals(body.onlyPlaceholders()) ? Boolean.TRUE : null,
                body.limit());
        return started(
                jobs.start(SummaryRegeneration.KIND, parameters, !Boolean.FALSE.equals(body.dryRun()), startedBy()));
    }

    @POST
    @Path("/history-enrichment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a history enrichment",
            description = "Marks the windows of a period that the worker never analysed (it reads only LOOKBACK_DAYS "
                    + "back) and analyses them phase by phase, newest first, in batches, under a token budget and a "
                    + "calls-per-minute limit. Windows that already have a work item are left alone. A dry run (the "
                    + "default) reports windows, messages, estimated tokens and cost per phase.")
    @APIResponse(
            responseCode = "202",
            description = "The job was queued (Location: the job)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response historyEnrichment(@Valid HistoryEnrichmentRequest request) {
        HistoryEnrichmentRequest body = request == null
                ? new HistoryEnrichmentRequest(null, null, null, null, null, null, null, null, null)
                : request;
        requireFourDigitYear("from", body.from());
        requireFourDigitYear("to", body.to());
        if (body.from() != null && body.to() != null && !body.from().isBefore(body.to())) {
            throw ApiProblem.badRequest("to", "must be after from");
        }
        List<String> bots = botNames(body.bots());
        List<String> users = body.users() == null
                ? List.of()
                : body.users().stream()
                        .map(String::strip)
                        .filter(u -> !u.isEmpty())
                        .toList();
        HistoryEnrichment.Parameters parameters = new HistoryEnrichment.Parameters(
                body.from(),
                body.to(),
                bots.isEmpty() ? null : bots,
                users.isEmpty() ? null : users,
                body.phaseDays() == null || body.phaseDays().isEmpty() ? null : body.phaseDays(),
                body.tokenBudget(),
                body.callsPerMinute(),
                body.batchMaxWindows());
        return started(
                jobs.start(HistoryEnrichment.KIND, parameters, !Boolean.FALSE.equals(body.dryRun()), startedBy()));
    }

    /**
     * Jackson reads expanded ISO-8601 years ({@code +999999999-12-31T00:00:00Z}) that PostgreSQL's timestamps cannot
     * hold: the job was accepted and then failed on its first query.
     */
    private static void requireFourDigitYear(String field, Instant instant) {
        if (instant != null && (instant.isBefore(FIRST_YEAR) || !instant.isBefore(AFTER_YEAR_9999))) {
            throw ApiProblem.badRequest(field, "must be in the years 1 to 9999");
        }
    }

    private Response started(JobView job) {
        return Response.accepted(job)
                .location(URI.create(PATH + "/" + job.id()))
                .build();
    }

    /** Bot names as the jobs compare them: stripped, lower case; none when the body names none. */
    private static List<String> botNames(List<String> bots) {
        return bots == null
                ? List.of()
                : bots.stream().map(b -> b.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private String startedBy() {
        return caller.role()
                .map(role -> role.name().toLowerCase(Locale.ROOT) + " key")
                .orElse("unauthenticated (auth disabled)");
    }

    private static UUID uuid(String id) {
        if (id == null) {
            // the path converter reads a blank id as absent
            throw ApiProblem.notFound("no job with a blank id");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no job " + id);
        }
    }
}
