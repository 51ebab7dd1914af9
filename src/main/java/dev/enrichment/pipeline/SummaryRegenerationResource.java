package dev.enrichment.pipeline;

import dev.enrichment.security.AdminAccess;
import dev.enrichment.summary.SummaryReader;
import dev.enrichment.summary.SummaryResource;
import dev.enrichment.summary.SummaryView;
import dev.enrichment.web.ApiProblem;
import dev.enrichment.web.ProblemResponses;
import jakarta.ws.rs.POST;
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

/**
 * Regenerating a summary on an admin's request. It lives with the pipeline, which does the work, so that the
 * summary feature does not depend on the pipeline.
 */
@Path("/api/v1/summaries/{id}/regenerate")
@Tag(name = "summaries")
@Produces(MediaType.APPLICATION_JSON)
@AdminAccess
public class SummaryRegenerationResource {

    private final SummaryRegenerator regenerator;
    private final SummaryReader reader;

    SummaryRegenerationResource(SummaryRegenerator regenerator, SummaryReader reader) {
        this.regenerator = regenerator;
        this.reader = reader;
    }

    @POST
    @Operation(
            summary = "Regenerate a summary",
            description = "Reads the window's messages again and analyses them now; returns the new summary. The "
                    + "old content goes to the revisions. Synchronous: it takes as long as one LLM analysis.")
    @APIResponse(
            responseCode = "200",
            description = "The regenerated summary",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummaryView.class),
                            examples = @ExampleObject(name = "summary", value = SummaryResource.SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(
            responseCode = "409",
            description = "A worker is analysing this window right now",
            content =
                    @Content(
                            mediaType = ProblemResponses.MEDIA_TYPE,
                            schema = @Schema(ref = ProblemResponses.SCHEMA),
                            examples = @ExampleObject(name = "window-busy", value = """
                            {"type": "https://enrichment.dev/problems/conflict", "title": "Conflict", "status": 409,
                             "detail": "summary 42's window is being analysed right now; try again shortly"}""")))
    @APIResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    public SummaryView regenerate(@Parameter(description = "Summary id") @PathParam("id") int id) {
        return regenerator
                .regenerate(id)
                .flatMap(reader::find)
                .orElseThrow(() -> ApiProblem.notFound("no summary " + id));
    }
}
