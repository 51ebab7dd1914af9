package dev.enrichment.fact;

import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.PATH;
import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.NUMBER;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of a fact listing, as request parameters; null filters match everything and a missing limit is the
 * default. (Each {@code @Parameter} repeats name and location: without them SmallRye OpenAPI 4.0 lists a record
 * component twice, for its field and for its constructor parameter.)
 */
record FactQuery(
        @Parameter(name = "user_id", in = PATH, description = "User id (universal id)")
        @PathParam("user_id")
        @NotBlank(message = "is required")
        String userId,

        @Parameter(name = "bot", in = QUERY, description = "Only facts this bot wrote or confirmed last")
        @QueryParam("bot")
        String bot,

        @Parameter(
                name = "min_confidence",
                in = QUERY,
                description = "Lowest confidence, 0 to 1",
                schema = @Schema(type = NUMBER))
        @QueryParam("min_confidence")
        @Min(value = 0, message = CONFIDENCE)
        @Max(value = 1, message = CONFIDENCE)
        BigDecimal minConfidence,

        @Parameter(name = "entity_type", in = QUERY, description = "Entity type, e.g. food, hobby, person, place")
        @QueryParam("entity_type")
        String entityType,

        @Parameter(
                name = "limit",
                in = QUERY,
                description = "At most this many facts, 1 to 500 (default 50)",
                schema = @Schema(type = INTEGER))
        @QueryParam("limit")
        @Min(value = 1, message = LIMIT)
        @Max(value = 500, message = LIMIT)
        Integer limit) {

    static final int DEFAULT_LIMIT = 50;
    static final String CONFIDENCE = "must be from 0 to 1, was ${validatedValue}";
    static final String LIMIT = "must be from 1 to 500, was ${validatedValue}";

    FactQuery {
        limit = limit == null ? DEFAULT_LIMIT : limit;
    }
}
