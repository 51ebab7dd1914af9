package dev.enrichment.recap;

import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING;

import dev.enrichment.problem.ProblemException;
import dev.enrichment.web.InstantParam;
import dev.enrichment.web.TimeParam;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A recap request, as query parameters: either {@code when} or both {@code from} and {@code to} (resolved later, in
 * the zone). (Each {@code @Parameter} repeats name and location: without them SmallRye OpenAPI 4.0 lists a record
 * component twice, for its field and for its constructor parameter.)
 *
 * @param tz the requested zone; null to use the user's timezone preference, else UTC
 * @param asOf the reference instant; null for now
 */
record RecapRequest(
        @Parameter(name = "bot", in = QUERY, description = "Bot name, e.g. elena", required = true)
        @QueryParam("bot")
        @NotNull(message = "is required")
        String bot,

        @Parameter(name = "user_id", in = QUERY, description = "User id (universal id)", required = true)
        @QueryParam("user_id")
        @NotNull(message = "is required")
        String userId,

        @Parameter(
                name = "when",
                in = QUERY,
                description = "A time expression, alone or in a sentence: \"last week\", "
                        + "\"yesterday\", \"hey, what did we talk about last week?\"; instead of from/to")
        @QueryParam("when")
        String when,

        @Parameter(
                name = "from",
                in = QUERY,
                description =
                        "Range start with to, instead of when: an instant " + "(2025-10-13T00:00:00Z) or a date in tz",
                schema = @Schema(type = STRING))
        @QueryParam("from")
        TimeParam from,

        @Parameter(
                name = "to",
                in = QUERY,
                description =
                        "Range end (exclusive) with from: an instant, or a date in " + "tz whose whole day is included",
                schema = @Schema(type = STRING))
        @QueryParam("to")
        TimeParam to,

        @Parameter(
                name = "tz",
                in = QUERY,
                description =
                        "IANA time zone, e.g. Europe/Berlin; default: the user's " + "timezone preference, else UTC",
                schema = @Schema(type = STRING))
        @QueryParam("tz")
        ZoneId tz,

        @Parameter(
                name = "as_of",
                in = QUERY,
                description =
                        "Reference instant for relative expressions, e.g. " + "2025-10-22T12:00:00Z; default: now",
                schema = @Schema(type = STRING))
        @QueryParam("as_of")
        InstantParam asOf) {

    /**
     * Refuses only what contradicts itself: a time expression and a range together, or half a range. A request
     * with neither is answered with the latest conversations.
     */
    void refuseContradictions() {
        if (when != null && (from != null || to != null)) {
            throw ProblemException.invalid("when", "give either when or from and to, not both");
        } else if (when == null && (from == null) != (to == null)) {
            throw from == null
                    ? ProblemException.invalid("from", "is required with to")
                    : ProblemException.invalid("to", "is required with from");
        }
    }
}
