package dev.enrichment.context;

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

/** A prompt-ready context block about a user, for a bot to paste into its system prompt. */
@Path("/api/v1/users/{user_id}/context")
@Tag(name = "context", description = "What a bot should know about a user right now, ready for its prompt")
@Produces(MediaType.APPLICATION_JSON)
@BotAccess
public class ContextResource {

    private final ContextService service;

    ContextResource(ContextService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Prompt context for a user",
            description = "A plain-text block with short headings, plus the parts it was made of: the user's "
                    + "preferences (preferred name first; others with confidence of at least "
                    + "CONTEXT_MIN_PREFERENCE_CONFIDENCE), the facts most relevant now (confidence times recency, "
                    + "scoped to the bot as WhisperEngine's bots do: facts it wrote last and facts no bot claims; "
                    + "stale kinds flagged possibly_outdated), the latest conversation's summary and, when q is "
                    + "given, the past conversations most similar to it. Parts are added in that order of value "
                    + "until max_tokens (4 characters a token) is used up, items whole and summaries by whole "
                    + "sentences; the block never exceeds it, and omitted counts what was left out. No LLM is "
                    + "called. A user nobody knows yet gets 200 with an empty block.")
    @APIResponse(
            responseCode = "200",
            description = "The context",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContextView.class),
                            examples = @ExampleObject(name = "context", value = """
                    {"user_id": "672814231002939413", "bot": "elena", "max_tokens": 600, "estimated_tokens": 61,
                     "block": "About the user:\\n- Preferred name: Mark\\n- Pronouns: he/him\\n\\nKnown facts:\\n- likes octopus\\n- lives in Lisbon (possibly outdated)\\n\\nLast conversation (Tuesday 14 October):\\nMark talked about marine biology and a trip to the aquarium.",
                     "truncated": false,
                     "parts": {"preferences": {"preferred_name": {"value": "Mark", "confidence": 0.95,
                       "updated_at": "2025-10-19T02:30:00Z", "is_explicit": true, "bot": "elena",
                       "source": "regex_pattern"}, "pronouns": {"value": "he/him", "confidence": 0.9,
                       "updated_at": "2025-10-19T02:30:00Z", "is_explicit": true, "bot": "elena",
                       "source": "enrichment_service"}},
                      "facts": [{"id": "9b1f0c1e-5d6a-4c59-9a53-0c1d2e3f4a5b", "entity": "octopus",
                       "entity_type": "animal", "relationship": "likes", "confidence": 0.9, "bot": "elena",
                       "last_seen": "2025-10-14T18:02:11Z", "relevance": 0.7837, "possibly_outdated": false},
                       {"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "entity": "Lisbon", "entity_type": "location",
                       "relationship": "lives_in", "confidence": 0.8, "bot": null,
                       "last_seen": "2025-03-02T10:00:00Z", "relevance": 0.0027, "possibly_outdated": true}],
                      "latest_summary": {"id": 42, "start": "2025-10-14T00:00:00Z", "end": "2025-10-15T00:00:00Z",
                       "summary": "Mark talked about marine biology and a trip to the aquarium.",
                       "omitted_sentences": 0, "key_topics": ["marine biology"], "emotional_tone": "positive",
                       "confidence": 0.9, "score": null},
                      "similar_summaries": []},
                     "omitted": {"preferences": 0, "facts": 0, "latest_summary_sentences": 0,
                      "similar_summaries": 0}}""")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; fields names it",
            content =
                    @Content(
                            mediaType = ProblemResponses.MEDIA_TYPE,
                            schema = @Schema(ref = ProblemResponses.SCHEMA),
                            examples = @ExampleObject(name = "max_tokens", value = """
                    {"type": "https://enrichment.dev/problems/invalid-request", "title": "Invalid request",
                     "status": 400, "detail": "max_tokens: must be from 50 to 4000, was 10",
                     "fields": [{"field": "max_tokens", "message": "must be from 50 to 4000, was 10"}]}""")))
    public ContextView context(@Valid @BeanParam ContextRequest request) {
        return service.context(request);
    }
}
