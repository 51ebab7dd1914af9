package dev.enrichment.pipeline;

import dev.enrichment.security.AdminAccess;
import dev.enrichment.web.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin view of, and actions on, the enrichment worker: status, a cycle now, requeueing failed windows, reading
 * quarantined points again.
 */
@Path("/api/v1/admin")
@Tag(name = "admin", description = "The enrichment worker: progress per bot, manual cycles, failed windows")
@Produces(MediaType.APPLICATION_JSON)
@AdminAccess
public class EnrichmentAdminResource {

    static final String STATUS_PATH = "/api/v1/admin/enrichment/status";

    private final PipelineAdmin admin;

    EnrichmentAdminResource(PipelineAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Path("/enrichment/status")
    @Operation(
            summary = "Worker status",
            description = "Per bot: how far discovery has read (cursor and lag) and the windows by state; plus "
                    + "whether a cycle runs now and what the last one did, including a cycle that failed.")
    @APIResponse(
            responseCode = "200",
            description = "The status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrichmentStatusView.class),
                            examples = @ExampleObject(name = "status", value = """
                    {"running": false,
                     "last_cycle": {"outcome": "completed", "error": null, "started_at": "2025-10-21T01:00:00Z",
                      "finished_at": "2025-10-21T01:00:05.120Z", "duration_ms": 5120, "collections": 3,
                      "collections_failed": 0, "new_messages": 120, "windows_marked": 4, "analysed": 4, "skipped": 0,
                      "failed": 0, "rollups_built": 1, "rollups_failed": 0, "llm_calls": 5, "prompt_tokens": 9400,
                      "completion_tokens": 1100,
                      "qdrant_requests": 9},
                     "bots": [{"bot": "elena", "collections": ["whisperengine_memory_elena_7d"],
                      "cursor_at": "2025-10-21T00:58:00Z", "lag_seconds": 120, "pending_windows": 1,
                      "processing_windows": 0, "failed_windows": 0, "done_windows": 31, "skipped_windows": 5}]}""")))
    public EnrichmentStatusView status() {
        return EnrichmentStatusView.of(admin.status());
    }

    @POST
    @Path("/enrichment/run")
    @Operation(
            summary = "Run a cycle now",
            description = "Starts an enrichment cycle in the background and answers at once; follow it on the "
                    + "status endpoint (Location).")
    @APIResponse(
            responseCode = "202",
            description = "The cycle started",
            headers = @Header(name = "Location", description = "The status endpoint"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CycleStarted.class),
                            examples = @ExampleObject(name = "started", value = """
                            {"message": "enrichment cycle started",
                             "status_url": "/api/v1/admin/enrichment/status"}""")))
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response run() {
        if (!admin.startCycle()) {
            throw new CycleAlreadyRunningException();
        }
        return Response.accepted(new CycleStarted("enrichment cycle started", STATUS_PATH))
                .location(URI.create(STATUS_PATH))
                .build();
    }

    @POST
    @Path("/windows/requeue")
    @Operation(
            summary = "Requeue failed windows",
            description = "Puts windows that failed every attempt back to pending with a fresh attempt budget; the "
                    + "next cycle analyses them. Without filters, every failed window.")
    @APIResponse(
            responseCode = "200",
            description = "How many windows were requeued",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequeueResult.class),
                            examples = @ExampleObject(name = "requeued", value = """
                    {"requeued": 3, "bot": "elena", "user_id": null}""")))
    public RequeueResult requeue(
            @Parameter(description = "Only this bot's windows") @QueryParam("bot") String bot,
            @Parameter(description = "Only this user's windows") @QueryParam("user_id") String userId) {
        return new RequeueResult(admin.requeueFailed(bot, userId), bot, userId);
    }

    @POST
    @Path("/quarantine/retry")
    @Operation(
            summary = "Read quarantined points again",
            description = "Points discovery set aside (a timestamp after now plus ENRICHMENT_MAX_CLOCK_SKEW or before "
                    + "ENRICHMENT_TIMESTAMP_FLOOR, an unusable user id, no readable text) are listed per bot in the "
                    + "status. Once the data is fixed in Qdrant, this reads them again by id: those that are fine "
                    + "now are enriched (released), those deleted meanwhile are dropped (gone), the rest stay with "
                    + "their current problem.")
    @APIResponse(
            responseCode = "200",
            description = "What reading them again did",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Discovery.RereadOutcome.class),
                            examples = @ExampleObject(name = "retried", value = """
                    {"released": 2, "still_quarantined": 1, "gone": 0}""")))
    public Discovery.RereadOutcome retryQuarantine(
            @Parameter(description = "Only this bot's points") @QueryParam("bot") String bot,
            @Parameter(
                            description = "Only points set aside for this reason: future_timestamp, ancient_timestamp, "
                                    + "invalid_user_id, unreadable")
                    @QueryParam("reason")
                    String reason) {
        return admin.retryQuarantine(bot, reason);
    }
}
