package dev.enrichment.fact;

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

/** A user's facts, without WhisperEngine's processing markers. */
@Path("/api/v1/users/{user_id}/facts")
@Tag(name = "facts", description = "What the bots know about a user: (user, relationship, entity) with a confidence")
@Produces(MediaType.APPLICATION_JSON)
@BotAccess
public class FactResource {

    private final FactReader reader;

    FactResource(FactReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(
            summary = "List a user's facts",
            description = "The user's facts, most confident first (then most recently updated). Processing markers "
                    + "are never returned. Facts are shared by every bot; bot keeps those a bot wrote or confirmed "
                    + "last. An unknown user has no facts: 200 with an empty list.")
    @APIResponse(
            responseCode = "200",
            description = "The facts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FactList.class),
                            examples = @ExampleObject(name = "facts", value = """
                    {"user_id": "672814231002939413", "items": [{"id": "9b1f0c1e-5d6a-4c59-9a53-0c1d2e3f4a5b",
                     "entity": "pizza", "entity_type": "food", "category": "food", "relationship": "likes",
                     "confidence": 0.9, "bot": "elena", "latest_message_timestamp": "2025-10-18T23:23:30.655569Z",
                     "source_message_ids": ["4c0e8f8a-1b2c-4d3e-8f90-a1b2c3d4e5f6"],
                     "created_at": "2025-10-19T02:31:40Z", "updated_at": "2025-10-19T02:31:40Z"}]}""")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; fields names it",
            content =
                    @Content(
                            mediaType = ProblemResponses.MEDIA_TYPE,
                            schema = @Schema(ref = ProblemResponses.SCHEMA),
                            examples = @ExampleObject(name = "min_confidence", value = """
                    {"type": "https://enrichment.dev/problems/invalid-request", "title": "Invalid request",
                     "status": 400, "detail": "min_confidence: must be from 0 to 1, was 2",
                     "fields": [{"field": "min_confidence", "message": "must be from 0 to 1, was 2"}]}""")))
    public FactList list(@Valid @BeanParam FactQuery query) {
        return reader.list(query);
    }
}
