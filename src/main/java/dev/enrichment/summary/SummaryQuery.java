package dev.enrichment.summary;

import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.NUMBER;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING;

import dev.enrichment.problem.ProblemException;
import dev.enrichment.web.TimeParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters and page of a summary listing, as query parameters. Dates are UTC days and a {@code to} date includes
 * its day; a missing limit is the default, a missing granularity is {@code day}. (Each {@code @Parameter} repeats
 * name and location: without them SmallRye OpenAPI 4.0 lists a record component twice, for its field and for its
 * constructor parameter.)
 */
record SummaryQuery(
        @Parameter(name = "bot", in = QUERY, description = "Bot name, e.g. elena") @QueryParam("bot")
        String bot,

        @Parameter(name = "user_id", in = QUERY, description = "User id (universal id)") @QueryParam("user_id")
        String userId,

        @Parameter(
                name = "from",
                in = QUERY,
                description = "Windows ending after this instant (2025-10-18T00:00:00Z) " + "or UTC date",
                schema = @Schema(type = STRING))
        @QueryParam("from")
        TimeParam from,

        @Parameter(
                name = "to",
                in = QUERY,
                description = "Windows starting before this instant, or before the end of " + "this UTC date",
                schema = @Schema(type = STRING))
        @QueryParam("to")
        TimeParam to,

        @Parameter(
                name = "granularity",
                in = QUERY,
                description = "day (a window's summary, the default), or week or "
                        + "month: rollups built from the day summaries, for UTC weeks starting on RECAP_WEEK_STARTS_ON and UTC "
                        + "calendar months",
                schema =
                        @Schema(
                                type = STRING,
                                enumeration = {"day", "week", "month"},
                                defaultValue = "day"))
        @QueryParam("granularity")
        Granularity granularity,

        @Parameter(
                name = "summary_type",
                in = QUERY,
                description = "time_window (LLM) or extractive (local analyser)",
                schema = @Schema(enumeration = {"time_window", "extractive"}))
        @QueryParam("summary_type")
        @Pattern(
                regexp = "time_window|extractive",
                message = "must be time_window or extractive, was '${validatedValue}'")
        String summaryType,

        @Parameter(
                name = "min_confidence",
                in = QUERY,
                description = "Lowest confidence, 0 to 1",
                schema = @Schema(type = NUMBER))
        @QueryParam("min_confidence")
        @Min(value = 0, message = CONFIDENCE)
        @Max(value = 1, message = CONFIDENCE)
        BigDecimal minConfidence,

        @Parameter(
                name = "limit",
                in = QUERY,
                description = "Page size, 1 to 500 (default 50)",
                schema = @Schema(type = INTEGER))
        @QueryParam("limit")
        @Min(value = 1, message = LIMIT)
        @Max(value = 500, message = LIMIT)
        Integer limit,

        @Parameter(
                name = "cursor",
                in = QUERY,
                description = "next_cursor of the previous page",
                schema = @Schema(type = STRING))
        @QueryParam("cursor")
        SummaryCursor cursor) {

    static final int DEFAULT_LIMIT = 50;
    static final String CONFIDENCE = "must be from 0 to 1, was ${validatedValue}";
    static final String LIMIT = "must be from 1 to 500, was ${validatedValue}";

    SummaryQuery {
        if (from != null && to != null && from.startIn(ZoneOffset.UTC).isAfter(to.endIn(ZoneOffset.UTC))) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        limit = limit == null ? DEFAULT_LIMIT : limit;
        granularity = granularity == null ? Granularity.DAY : granularity;
    }

    /** Windows (or periods) must end after this; null for no lower bound. */
    Instant endsAfter() {
        return from == null ? null : from.startIn(ZoneOffset.UTC);
    }

    /** Windows (or periods) must start before this; null for no upper bound. */
    Instant startsBefore() {
        return to == null ? null : to.endIn(ZoneOffset.UTC);
    }
}
