package dev.enrichment.preference;

import dev.enrichment.security.BotAccess;
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

/** A user's preferences, shared by every bot. */
@Path("/api/v1/users/{user_id}/preferences")
@Tag(name = "preferences", description = "How a user wants to be treated: name, pronouns, timezone, style, ...")
@Produces(MediaType.APPLICATION_JSON)
@BotAccess
public class PreferenceResource {

    private final PreferenceReader reader;

    PreferenceResource(PreferenceReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(
            summary = "Get a user's preferences",
            description = "The user's preferences by type, each with its value, confidence, when it was updated, "
                    + "whether the user stated it, and the bot it came from. An unknown user has none: 200 with an "
                    + "empty map.")
    @APIResponse(
            responseCode = "200",
            description = "The preferences",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UserPreferences.class),
                            examples = @ExampleObject(name = "preferences", value = """
                    {"user_id": "672814231002939413", "preferences": {
                      "preferred_name": {"value": "Mark", "confidence": 0.95,
                       "updated_at": "2025-10-19T02:30:00.123456Z", "is_explicit": true, "bot": "elena",
                       "source": "enrichment_service"},
                      "timezone": {"value": "Europe/Berlin", "confidence": 0.8, "updated_at": "2025-10-19T02:30:00Z",
                       "is_explicit": false, "bot": "elena", "source": "enrichment_service"}}}""")))
    public UserPreferences get(@Parameter(description = "User id (universal id)") @PathParam("user_id") String userId) {
        return reader.preferences(userId);
    }
}
