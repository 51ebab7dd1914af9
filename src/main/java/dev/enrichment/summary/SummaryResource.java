package dev.enrichment.summary;

import dev.enrichment.security.BotAccess;
import dev.enrichment.web.ApiProblem;
import dev.enrichment.web.ProblemResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Conversation summaries: listing, one summary and its revisions (regeneration is the pipeline's). */
@Path("/api/v1/summaries")
@Tag(name = "summaries", description = "Summaries of one user's conversation with one bot over a time window")
@Produces(MediaType.APPLICATION_JSON)
@BotAccess
public class SummaryResource {

    /** An example summary for the API description. */
    public static final String SUMMARY_EXAMPLE = """
            {"id": 42, "bot": "elena", "user_id": "672814231002939413",
             "summary": "The user talked about marine biology and weekend plans.", "summary_type": "time_window",
             "start": "2025-10-18T00:00:00Z", "end": "2025-10-19T00:00:00Z", "message_count": 14,
             "key_topics": ["marine biology", "weekend plans"], "emotional_tone": "positive",
             "compression_ratio": 0.08, "confidence": 0.9, "enrichment_version": "0.1.0",
             "created_at": "2025-10-19T02:31:40Z", "updated_at": "2025-10-19T02:31:40Z"}""";

    private final SummaryReader reader;

    SummaryResource(SummaryReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "List summaries",
            description = "Summaries matching the filters, newest window first (then highest id). Pages are keyset "
                    + "pages: pass next_cursor as cursor to continue; rows added meanwhile never shift a page.")
    @APIResponse(responseCode = "200", description = "A page of summaries", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + SUMMARY_EXAMPLE
                    + "], \"next_cursor\": \"czF8MjAyNS0xMC0xOFQwMDowMHw0Mg\"}")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; fields names it", content = @Content(
            mediaType = ProblemResponses.MEDIA_TYPE, schema = @Schema(ref = ProblemResponses.SCHEMA),
            examples = @ExampleObject(name = "limit", value = """
                    {"type": "https://enrichment.dev/problems/invalid-request", "title": "Invalid request",
                     "status": 400, "detail": "limit: must be from 1 to 500, was 501",
                     "fields": [{"field": "limit", "message": "must be from 1 to 500, was 501"}]}""")))
    public SummaryPage list(
            @Parameter(description = "Bot name, e.g. elena") @QueryParam("bot") String bot,
            @Parameter(description = "User id (universal id)") @QueryParam("user_id") String userId,
            @Parameter(description = "Windows ending after this instant (2025-10-18T00:00:00Z) or UTC date",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("from") String from,
            @Parameter(description = "Windows starting before this instant, or before the end of this UTC date",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("to") String to,
            @Parameter(description = "time_window (LLM) or extractive (local analyser)",
                    schema = @Schema(enumeration = {"time_window", "extractive"})) @QueryParam("summary_type")
            String summaryType,
            @Parameter(description = "Lowest confidence, 0 to 1", schema = @Schema(type = SchemaType.NUMBER))
            @QueryParam("min_confidence") String minConfidence,
            @Parameter(description = "Page size, 1 to 500 (default 50)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        return reader.list(SummaryQuery.parse(bot, userId, from, to, summaryType, minConfidence, limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a summary", description = "One summary by its id.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryView.class),
            examples = @ExampleObject(name = "summary", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public SummaryView get(@Parameter(description = "Summary id") @PathParam("id") int id) {
        return reader.find(id).orElseThrow(() -> ApiProblem.notFound("no summary " + id));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "List a summary's revisions",
            description = "The contents the summary had before each replacement, newest first, with the reason and "
                    + "the model, prompt version and input hash of the analysis that had written them.")
    @APIResponse(responseCode = "200", description = "The revisions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryRevisions.class),
            examples = @ExampleObject(name = "revisions", value = """
                    {"summary_id": 42, "items": [{"id": 7, "reason": "regenerated on request",
                     "revised_at": "2025-10-20T09:00:00Z", "model": "anthropic/claude-sonnet-4.5",
                     "prompt_version": "summary-v1", "input_hash": "sha256:3f2a...",
                     "summary": "The user talked about fish.", "summary_type": "time_window", "message_count": 14,
                     "key_topics": ["fish"], "emotional_tone": "neutral", "compression_ratio": 0.1,
                     "confidence": 0.7, "enrichment_version": "0.1.0"}]}""")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public SummaryRevisions revisions(@Parameter(description = "Summary id") @PathParam("id") int id) {
        return reader.revisions(id).orElseThrow(() -> ApiProblem.notFound("no summary " + id));
    }
}
