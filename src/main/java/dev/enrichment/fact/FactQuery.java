package dev.enrichment.fact;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of a fact listing, as request parameters; null filters match everything and a missing limit is the
 * default. (Each {@code @Parameter} repeats name and location: without them SmallRye OpenAPI 4.0
 * lists a record component twice, for its field and for its constructor parameter.)
 */
record FactQuery(
        @Parameter(name = "user_id", in = ParameterIn.PATH, description = "User id (universal id)")
        @PathParam("user_id") @NotBlank(message = "is required") String userId,
        @Parameter(name = "bot", in = ParameterIn.QUERY, description = "Only facts this bot wrote or confirmed last")
        @QueryParam("bot") String bot,
        @Parameter(name = "min_confidence", in = ParameterIn.QUERY, description = "Lowest confidence, 0 to 1",
                schema = @Schema(type = SchemaType.NUMBER))
        @QueryParam("min_confidence")
        @DecimalMin(value = "0", message = FactQuery.CONFIDENCE)
        @DecimalMax(value = "1", message = FactQuery.CONFIDENCE) BigDecimal minConfidence,
        @Parameter(name = "entity_type", in = ParameterIn.QUERY,
                description = "Entity type, e.g. food, hobby, person, place")
        @QueryParam("entity_type") String entityType,
        @Parameter(name = "limit", in = ParameterIn.QUERY,
                description = "At most this many facts, 1 to 500 (default 50)",
                schema = @Schema(type = SchemaType.INTEGER))
        @QueryParam("limit")
        @Min(value = 1, message = FactQuery.LIMIT) @Max(value = 500, message = FactQuery.LIMIT) Integer limit) {

    static final int DEFAULT_LIMIT = 50;
    static final String CONFIDENCE = "must be from 0 to 1, was ${validatedValue}";
    static final String LIMIT = "must be from 1 to 500, was ${validatedValue}";

    FactQuery {
        limit = limit == null ? DEFAULT_LIMIT : limit;
    }
}
