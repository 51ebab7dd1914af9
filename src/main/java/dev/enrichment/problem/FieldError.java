package dev.enrichment.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending request field, for validation errors. */
@RegisterForReflection
@Schema(name = "ProblemField", description = "One offending request field")
public record FieldError(
        @Schema(description = "The field, as named on the wire", example = "user_id")
        String field,

        @Schema(description = "What is wrong with it", example = "must not be blank")
        String message) {}
