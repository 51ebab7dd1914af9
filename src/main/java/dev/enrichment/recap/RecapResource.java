package dev.enrichment.recap;

import dev.enrichment.security.BotAccess;
import dev.enrichment.web.ProblemResponses;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "What did we talk about last week?" for one user and one bot. */
@Path("/api/v1/recap")
@Tag(name = "recap", description = "What a user and a bot talked about in a time range")
@Produces(MediaType.APPLICATION_JSON)
@BotAccess
public class RecapResource {

    private final RecapService service;

    RecapResource(RecapService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Recap a time range",
            description = "Resolves when (the user's own sentence, e.g. \"hey, what did we talk about last week?\") "
                    + "or from/to in the zone tz (default: the user's timezone preference, else UTC) relative to "
                    + "as_of (default: now). resolved_by says how: rule (the time expression was read), explicit "
                    + "(from/to), llm (the rules could not read it; the LLM did, when RECAP_LLM_FALLBACK is on and a "
                    + "key is set) or latest (no usable time expression, or none at all: the most recent "
                    + "conversations, RECAP_LATEST_COUNT of them; notice says why when a phrase was not read). "
                    + "answer is one paragraph a bot can say, from the range's summaries and facts only: written by "
                    + "the LLM once per set of sources and then reused (answer_source llm), or their own sentences "
                    + "(extractive). Also returns the summaries oldest first, aggregated topics, the dominant tone "
                    + "and the facts learned. status tells \"we did not talk\" (empty) from \"not processed yet\" "
                    + "(pending, partial); complete means settled with summaries. A 400 only for contradictory "
                    + "input: when with from/to, half a range, from after to, over 366 days.")
    @APIResponse(
            responseCode = "200",
            description = "The recap",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecapView.class),
                            examples = @ExampleObject(name = "last week", value = """
                    {"bot": "elena", "user_id": "672814231002939413",
                     "resolved_range": {"from": "2025-10-13T00:00:00Z", "to": "2025-10-20T00:00:00Z", "tz": "UTC",
                      "expression": "last week"},
                     "resolved_by": "rule", "notice": null,
                     "status": "complete",
                     "answer": "On Tuesday, you talked about marine biology. Noted: likes octopus. The mood was positive.",
                     "answer_source": "extractive",
                     "coverage": {"covered_until": "2025-10-22T08:00:00Z", "pending_windows": 0},
                     "summaries": [{"id": 42, "bot": "elena", "user_id": "672814231002939413",
                      "summary": "The user talked about marine biology.", "summary_type": "time_window",
                      "start": "2025-10-14T00:00:00Z", "end": "2025-10-15T00:00:00Z", "message_count": 14,
                      "key_topics": ["marine biology"], "emotional_tone": "positive", "compression_ratio": 0.08,
                      "confidence": 0.9, "enrichment_version": "0.1.0", "created_at": "2025-10-15T02:31:40Z",
                      "updated_at": "2025-10-15T02:31:40Z"}],
                     "key_topics": [{"topic": "marine biology", "count": 1}],
                     "emotional_tone": "positive", "message_count": 14,
                     "facts_learned": [{"id": "9b1f0c1e-5d6a-4c59-9a53-0c1d2e3f4a5b", "entity": "octopus",
                      "entity_type": "animal", "relationship": "likes", "confidence": 0.9, "change": "created",
                      "window_start": "2025-10-14T00:00:00Z", "window_end": "2025-10-15T00:00:00Z"}]}""")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid or contradicts another",
            content =
                    @Content(
                            mediaType = ProblemResponses.MEDIA_TYPE,
                            schema = @Schema(ref = ProblemResponses.SCHEMA),
                            examples = @ExampleObject(name = "when-and-range", value = """
                    {"type": "https://enrichment.dev/problems/invalid-request", "title": "Invalid request",
                     "status": 400, "detail": "when: give either when or from and to, not both",
                     "fields": [{"field": "when", "message": "give either when or from and to, not both"}]}""")))
    public RecapView recap(@Valid @BeanParam RecapRequest request) {
        return service.recap(request);
    }
}
