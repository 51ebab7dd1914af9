package dev.enrichment.web;

import dev.enrichment.conversation.ConversationSourceException;
import dev.enrichment.llm.LlmException;
import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.CycleAlreadyRunningException;
import dev.enrichment.pipeline.WindowBusyException;
import dev.enrichment.security.BotAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Test-only endpoints that fail in each way the problem mapper knows. */
@Path("/api/v1/test-only/problems")
@BotAccess
@Produces(MediaType.APPLICATION_JSON)
public class ProblemProbeResource {

    static final String SECRET = "PROMPT-SECRET-7f3a";

    public record NewThing(
            @NotBlank String userId, @Min(1) int messageCount, Instant windowStart, List<@NotBlank String> tags) {}

    public record Echo(String userId) {}

    /** Query parameters read by {@link QueryParamConverters} and checked by Bean Validation. */
    public record Window(
            @QueryParam("starts_at") TimeParam startsAt,
            @QueryParam("page_size") @Min(1) @Max(50) Integer pageSize) {}

    @GET
    @Path("api-problem/not-found")
    public Echo apiProblemNotFound() {
        throw ApiProblem.notFound("no widget 7");
    }

    @GET
    @Path("api-problem/bad-field")
    public Echo apiProblemBadField() {
        throw ApiProblem.badRequest("bot_name", "unknown bot");
    }

    @GET
    @Path("gone")
    public Echo gone() {
        throw new WebApplicationException(Response.Status.GONE);
    }

    @POST
    @Path("validated")
    @Consumes(MediaType.APPLICATION_JSON)
    public Echo validated(@Valid NewThing thing) {
        return new Echo(thing.userId());
    }

    @GET
    @Path("query")
    public Echo query(@QueryParam("max_results") @Min(1) @Max(100) int maxResults) {
        return new Echo("ok " + maxResults);
    }

    @GET
    @Path("converted")
    public Echo converted(@Valid @BeanParam Window window, @QueryParam("tz") ZoneId tz) {
        return new Echo(window.startsAt() + " " + window.pageSize() + " " + tz);
    }

    @GET
    @Path("things/{thing_id}")
    public Echo thing(@PathParam("thing_id") UUID thingId) {
        return new Echo(thingId.toString());
    }

    @GET
    @Path("invalid-return")
    public @Valid NewThing invalidReturn() {
        return new NewThing("", 0, null, List.of());
    }

    @GET
    @Path("cycle-running")
    public Echo cycleRunning() {
        throw new CycleAlreadyRunningException();
    }

    @GET
    @Path("window-busy")
    public Echo windowBusy() {
        throw new WindowBusyException("window 2025-10-18T00:00:00Z of bot elena is being analysed");
    }

    @GET
    @Path("analysis-failed")
    public Echo analysisFailed() {
        throw new AnalysisFailedException("answer was: " + SECRET, true, new IllegalStateException(SECRET));
    }

    @GET
    @Path("llm-failed")
    public Echo llmFailed() {
        throw new LlmException(LlmException.Kind.SERVER_ERROR, 502, "upstream " + SECRET);
    }

    @GET
    @Path("source-unavailable")
    public Echo sourceUnavailable() {
        throw new ConversationSourceException("qdrant said " + SECRET, new RuntimeException(SECRET));
    }

    @GET
    @Path("boom")
    public Echo boom() {
        throw new IllegalStateException("internal state " + SECRET);
    }
}
