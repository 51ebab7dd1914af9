/**
 * The problem+json error contract, in one place, and the API's OpenAPI description. SmallRye reads an
 * {@code @OpenAPIDefinition} only from a package or a JAX-RS {@code Application}; a package has no side effects.
 */
@OpenAPIDefinition(
        info = @Info(title = "Conversation enrichment API", version = "1", description = OpenApiTexts.DESCRIPTION),
        // Two entries are alternatives: either header is enough.
        security = {@SecurityRequirement(name = OpenApiTexts.BEARER), @SecurityRequirement(name = OpenApiTexts.API_KEY)
        },
        components =
                @Components(
                        schemas = {@Schema(name = ProblemResponses.SCHEMA, implementation = Problem.class)},
                        responses = {
                            @APIResponse(
                                    name = ProblemResponses.BAD_REQUEST,
                                    responseCode = "400",
                                    description = "The request is invalid; `fields` names the offending fields.",
                                    content =
                                            @Content(
                                                    mediaType = ProblemResponses.MEDIA_TYPE,
                                                    schema = @Schema(ref = ProblemResponses.SCHEMA),
                                                    examples = {
                                                        @ExampleObject(
                                                                name = "validation",
                                                                value = ProblemExamples.VALIDATION),
                                                        @ExampleObject(
                                                                name = "malformed-body",
                                                                value = ProblemExamples.MALFORMED_BODY)
                                                    })),
                            @APIResponse(
                                    name = ProblemResponses.UNAUTHORIZED,
                                    responseCode = "401",
                                    description = "No API key, or an unknown one.",
                                    content =
                                            @Content(
                                                    mediaType = ProblemResponses.MEDIA_TYPE,
                                                    schema = @Schema(ref = ProblemResponses.SCHEMA),
                                                    examples = {
                                                        @ExampleObject(
                                                                name = "missing-key",
                                                                value = ProblemExamples.MISSING_KEY),
                                                        @ExampleObject(
                                                                name = "invalid-key",
                                                                value = ProblemExamples.INVALID_KEY)
                                                    })),
                            @APIResponse(
                                    name = ProblemResponses.FORBIDDEN,
                                    responseCode = "403",
                                    description = "The key is valid but lacks the admin role this operation needs.",
                                    content =
                                            @Content(
                                                    mediaType = ProblemResponses.MEDIA_TYPE,
                                                    schema = @Schema(ref = ProblemResponses.SCHEMA),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "forbidden",
                                                                    value = ProblemExamples.FORBIDDEN))),
                            @APIResponse(
                                    name = ProblemResponses.NOT_FOUND,
                                    responseCode = "404",
                                    description = "Nothing exists for the given identifiers.",
                                    content =
                                            @Content(
                                                    mediaType = ProblemResponses.MEDIA_TYPE,
                                                    schema = @Schema(ref = ProblemResponses.SCHEMA),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "not-found",
                                                                    value = ProblemExamples.NOT_FOUND))),
                            @APIResponse(
                                    name = ProblemResponses.CONFLICT,
                                    responseCode = "409",
                                    description = "The work is already running; try again when it has finished.",
                                    content =
                                            @Content(
                                                    mediaType = ProblemResponses.MEDIA_TYPE,
                                                    schema = @Schema(ref = ProblemResponses.SCHEMA),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "cycle-running",
                                                                    value = ProblemExamples.CYCLE_RUNNING))),
                            @APIResponse(
                                    name = ProblemResponses.SERVICE_UNAVAILABLE,
                                    responseCode = "503",
                                    description =
                                            "The LLM or Qdrant cannot be reached, or search is off or unavailable; try again later.",
                                    content =
                                            @Content(
                                                    mediaType = ProblemResponses.MEDIA_TYPE,
                                                    schema = @Schema(ref = ProblemResponses.SCHEMA),
                                                    examples = {
                                                        @ExampleObject(
                                                                name = "llm-unavailable",
                                                                value = ProblemExamples.LLM_UNAVAILABLE),
                                                        @ExampleObject(
                                                                name = "source-unavailable",
                                                                value = ProblemExamples.SOURCE_UNAVAILABLE),
                                                        @ExampleObject(
                                                                name = "search-unavailable",
                                                                value = ProblemExamples.SEARCH_UNAVAILABLE)
                                                    })),
                            @APIResponse(
                                    name = ProblemResponses.INTERNAL_ERROR,
                                    responseCode = "500",
                                    description = "An unexpected failure; the body's `error_id` finds it in the log.",
                                    content =
                                            @Content(
                                                    mediaType = ProblemResponses.MEDIA_TYPE,
                                                    schema = @Schema(ref = ProblemResponses.SCHEMA),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "internal-error",
                                                                    value = ProblemExamples.INTERNAL_ERROR)))
                        },
                        securitySchemes = {
                            @SecurityScheme(
                                    securitySchemeName = OpenApiTexts.BEARER,
                                    type = SecuritySchemeType.HTTP,
                                    scheme = "bearer",
                                    description = "`Authorization: Bearer <key>`, a key from API_BOT_KEYS or "
                                            + "API_ADMIN_KEYS"),
                            @SecurityScheme(
                                    securitySchemeName = OpenApiTexts.API_KEY,
                                    type = SecuritySchemeType.APIKEY,
                                    in = SecuritySchemeIn.HEADER,
                                    apiKeyName = "X-API-Key",
                                    description = "`X-API-Key: <key>`, the same keys as the bearer scheme")
                        }))
package dev.enrichment.web;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
