package dev.enrichment.search;

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

/** "When did we talk about travel plans?": semantic search over one user's summaries. */
@Path("/api/v1/search")
@Tag(name = "search", description = "Semantic search over a user's conversation summaries")
@Produces(MediaType.APPLICATION_JSON)
@BotAccess
public class SearchResource {

    private final SearchService service;

    SearchResource(SearchService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Search a user's summaries",
            description = "Ranks the user's day summaries and weekly/monthly rollups by how well they match q, within "
                    + "when (a time expression, read as the recap reads it) or from/to in tz (default UTC). score = "
                    + "0.8 × similarity (cosine of the embeddings of q and of the summary's topics and text) + 0.2 × "
                    + "keyword_score (share of q's words found in the topics, or at half weight in the text). "
                    + "matching_topics are the topics containing one of q's words. Read-only; the chat LLM is never "
                    + "called. include_messages=true also searches the bot's own message vectors (Qdrant's "
                    + "content vector of each point, filtered on the user, the range and conversation messages) and "
                    + "returns the message_limit nearest messages with their timestamps and the id of the day "
                    + "summary that holds each (null while its day has none); when the bot's collection cannot be "
                    + "searched, messages is empty and messages_notice says why. "
                    + "503 (search-unavailable) when EMBEDDINGS_PROVIDER=off, when the embedding model "
                    + "could not be loaded, or when the index cannot be reached; the detail says which.")
    @APIResponse(
            responseCode = "200",
            description = "The best matches, best first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SearchResults.class),
                            examples = @ExampleObject(name = "travel plans last month", value = """
                    {"bot": "elena", "user_id": "672814231002939413", "query": "travel plans",
                     "from": "2025-09-01T00:00:00Z", "to": "2025-10-01T00:00:00Z", "expression": "last month",
                     "model": "local/all-minilm-l6-v2-q",
                     "hits": [{"granularity": "day", "summary_id": 42, "window_start": "2025-09-14T00:00:00Z",
                      "window_end": "2025-09-15T00:00:00Z", "score": 0.7124, "similarity": 0.6405,
                      "keyword_score": 1.0, "matching_topics": ["travel plans to Lisbon"],
                      "topics": ["travel plans to Lisbon", "packing"],
                      "summary": "The user is planning a week in Lisbon and asked what to pack."}],
                     "messages": [{"point_id": "3f2c8a0e-5d1b-4c8e-9a57-0b6d2e4f1a93", "role": "user",
                      "text": "I booked the flights to Lisbon, leaving on the 20th!",
                      "timestamp": "2025-09-14T18:02:11Z", "similarity": 0.6618, "summary_id": 42,
                      "window_start": "2025-09-14T00:00:00Z", "window_end": "2025-09-15T00:00:00Z"}],
                     "messages_notice": null}""")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is missing, invalid or contradicts another",
            content =
                    @Content(
                            mediaType = ProblemResponses.MEDIA_TYPE,
                            schema = @Schema(ref = ProblemResponses.SCHEMA),
                            examples = @ExampleObject(name = "empty-q", value = """
                    {"type": "https://enrichment.dev/problems/invalid-request", "title": "Invalid request",
                     "status": 400, "detail": "q: is required",
                     "fields": [{"field": "q", "message": "is required"}]}""")))
    @APIResponse(responseCode = "503", ref = ProblemResponses.SERVICE_UNAVAILABLE)
    public SearchResults search(@Valid @BeanParam SearchQuery query) {
        return service.search(query);
    }
}
