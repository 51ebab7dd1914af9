package dev.enrichment.context;

import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.PATH;
import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A context request, as path and query parameters; a missing max_tokens is the default. (Each {@code @Parameter}
 * repeats name and location: without them SmallRye OpenAPI 4.0 lists a record component twice.)
 *
 * @param q the user's current message; null for no related past conversations
 */
record ContextRequest(
        @Parameter(name = "user_id", in = PATH, description = "User id (universal id)")
        @PathParam("user_id")
        @NotBlank(message = "is required")
        String userId,

        @Parameter(name = "bot", in = QUERY, description = "Bot name, e.g. elena", required = true)
        @QueryParam("bot")
        @NotNull(message = "is required")
        String bot,

        @Parameter(
                name = "q",
                in = QUERY,
                description = "The user's current message; adds the past conversations most similar to it")
        @QueryParam("q")
        String q,

        @Parameter(
                name = "max_tokens",
                in = QUERY,
                description = "Budget of the block, 50 to 4000 tokens at 4 characters a token (default 600)",
                schema = @Schema(type = INTEGER))
        @QueryParam("max_tokens")
        @Min(value = MIN_TOKENS, message = MAX_TOKENS)
        @Max(value = MAX_TOKENS_LIMIT, message = MAX_TOKENS)
        Integer maxTokens) {

    static final int DEFAULT_TOKENS = 600;
    static final int MIN_TOKENS = 50;
    static final int MAX_TOKENS_LIMIT = 4000;
    static final String MAX_TOKENS = "must be from 50 to 4000, was ${validatedValue}";

    ContextRequest {
        maxTokens = maxTokens == null ? DEFAULT_TOKENS : maxTokens;
    }
}
