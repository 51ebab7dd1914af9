package dev.enrichment.summary;

import dev.enrichment.security.BotAccess;
import dev.enrichment.web.ApiProblem;
import dev.enrichment.web.ProblemResponses;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
             "created_at": "2025-10-19T02:31:40Z", "updated_at": "2025-10-19T02:31:40Z", "granularity": "day",
             "sources": null}""";

    /** An example weekly rollup for the API description. */
    public static final String WEEK_EXAMPLE = """
            {"id": 7, "bot": "elena", "user_id": "672814231002939413",
             "summary": "Over the week the user kept coming back to marine biology and planned a weekend dive.",
             "summary_type": "time_window", "start": "2025-10-13T00:00:00Z", "end": "2025-10-20T00:00:00Z",
             "message_count": 58, "key_topics": ["marine biology", "diving", "weekend plans"],
             "emotional_tone": "positive", "compression_ratio": null, "confidence": 0.85, "enrichment_version": "0.1.0",
             "created_at": "2025-10-20T00:11:02Z", "updated_at": "2025-10-20T00:11:02Z", "granularity": "week",
             "sources": [{"summary_id": 40, "revision": 1}, {"summary_id": 42, "revision": 2}]}""";

    private final SummaryReader reader;

    SummaryResource(SummaryReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(
            summary = "List summaries",
            description = "Summaries matching the filters, newest window first (then highest id). Pages are keyset "
                    + "pages: pass next_cursor as cursor to continue; rows added meanwhile never shift a page. "
                    + "granularity=day (the default) lists the windows' summaries; week and month list rollups built "
                    + "from them, in the same shape, with their own ids and the day summaries they were built from "
                    + "(sources, with each one's revision). A week or month is rolled up once it has ended and none "
                    + "of its windows is waiting to be analysed, and rebuilt when one of its day summaries changes.")
    @APIResponse(
            responseCode = "200",
            description = "A page of summaries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummaryPage.class),
                            examples = {
                                @ExampleObject(
                                        name = "page",
                                        value = "{\"items\": [" + SUMMARY_EXAMPLE
                                                + "], \"next_cursor\": \"czF8MjAyNS0xMC0xOFQwMDowMHw0Mg\"}"),
                                @ExampleObject(
                                        name = "weeks",
                                        summary = "granularity=week",
                                        value = "{\"items\": [" + WEEK_EXAMPLE + "], \"next_cursor\": null}")
                            }))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; fields names it",
            content =
                    @Content(
                            mediaType = ProblemResponses.MEDIA_TYPE,
                            schema = @Schema(ref = ProblemResponses.SCHEMA),
                            examples = {
                                @ExampleObject(name = "limit", value = """
                        {"type": "https://enrichment.dev/problems/invalid-request", "title": "Invalid request",
                         "status": 400, "detail": "limit: must be from 1 to 500, was 501",
                         "fields": [{"field": "limit", "message": "must be from 1 to 500, was 501"}]}"""),
                                @ExampleObject(name = "granularity", value = """
                        {"type": "https://enrichment.dev/problems/invalid-request", "title": "Invalid request",
                         "status": 400, "detail": "granularity: must be one of day, week, month",
                         "fields": [{"field": "granularity", "message": "must be one of day, week, month"}]}""")
                            }))
    public SummaryPage list(@Valid @BeanParam SummaryQuery query) {
        return reader.list(query);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a summary", description = "One summary by its id.")
    @APIResponse(
            responseCode = "200",
            description = "The summary",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummaryView.class),
                            examples = @ExampleObject(name = "summary", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public SummaryView get(@Parameter(description = "Summary id") @PathParam("id") int id) {
        return reader.find(id).orElseThrow(() -> ApiProblem.notFound("no summary " + id));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(
            summary = "List a summary's revisions",
            description = "The contents the summary had before each replacement, newest first, with the reason and "
                    + "the model, prompt version and input hash of the analysis that had written them.")
    @APIResponse(
            responseCode = "200",
            description = "The revisions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummaryRevisions.class),
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
