package dev.enrichment.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.enrichment.problem.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every error response: an RFC 9457 problem document, sent as {@code application/problem+json}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = ProblemResponses.SCHEMA, description = "An RFC 9457 problem document; every error has this body.")
public record Problem(
        @Schema(
                description = "Stable URI identifying the kind of problem; an identifier, not a page to fetch",
                example = "https://enrichment.dev/problems/not-found",
                required = true)
        String type,

        @Schema(
                description = "Short summary of the kind of problem; the same for every occurrence",
                example = "Not found",
                required = true)
        String title,

        @Schema(description = "The HTTP status code", example = "404", required = true)
        int status,

        @Schema(
                description = "What went wrong in this occurrence",
                example = "no summary for user u1 and bot elena",
                required = true)
        String detail,

        @Schema(description = "The request path", example = "/api/v1/summaries/u1")
        String instance,

        @Schema(description = "The offending request fields, for validation errors")
        List<FieldError> fields,

        @Schema(
                description = "For internal errors: the id under which the failure was logged",
                example = "5f0c1a52-8d0e-4c59-9a51-0d3c8f1e2b7a")
        // Named explicitly so that the schema in /q/openapi is right whatever naming strategy it is built with.
        @JsonProperty("error_id")
        String errorId) {

    public Problem {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of(), null);
    }

    Problem withFields(List<FieldError> offending) {
        return new Problem(type, title, status, detail, instance, offending, errorId);
    }

    Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, fields, id);
    }

    Response.ResponseBuilder toResponse() {
        return Response.status(status).type(ProblemResponses.MEDIA_TYPE).entity(this);
    }
}
