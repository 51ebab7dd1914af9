package dev.enrichment.search;

import static org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER;
import static org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING;

import dev.enrichment.problem.ProblemException;
import dev.enrichment.web.InstantParam;
import dev.enrichment.web.TimeParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A search over one user's summaries, as query parameters. (Each {@code @Parameter} repeats name and location, as
 * in the other query records, so SmallRye OpenAPI lists each component once.)
 */
record SearchQuery(
        @Parameter(name = "bot", in = QUERY, description = "Bot name, e.g. elena", required = true)
        @QueryParam("bot")
        @NotNull(message = "is required")
        String bot,

        @Parameter(name = "user_id", in = QUERY, description = "User id (universal id)", required = true)
        @QueryParam("user_id")
        @NotNull(message = "is required")
        String userId,

        @Parameter(
                name = "q",
                in = QUERY,
                description = "What to look for, in the user's words, e.g. \"travel plans\"; at most "
                        + SearchQuery.MAX_QUERY_CHARS + " characters",
                required = true)
        @QueryParam("q")
        @NotNull(message = "is required")
        @Size(max = SearchQuery.MAX_QUERY_CHARS, message = "must be at most {max} characters")
        String q,

        @Parameter(
                name = "when",
                in = QUERY,
                description = "A time expression limiting the search, read as the recap reads it: \"last month\", "
                        + "\"in March\"; instead of from/to")
        @QueryParam("when")
        String when,

        @Parameter(
                name = "from",
                in = QUERY,
                description = "Range start with to, instead of when: an instant or a date in tz",
                schema = @Schema(type = STRING))
        @QueryParam("from")
        TimeParam from,

        @Parameter(
                name = "to",
                in = QUERY,
                description =
                        "Range end (exclusive) with from: an instant, or a date in tz whose whole day is " + "included",
                schema = @Schema(type = STRING))
        @QueryParam("to")
        TimeParam to,

        @Parameter(
                name = "tz",
                in = QUERY,
                description = "IANA time zone for when and dates; default: the user's timezone preference, else UTC",
                schema = @Schema(type = STRING))
        @QueryParam("tz")
        ZoneId tz,

        @Parameter(
                name = "as_of",
                in = QUERY,
                description = "Reference instant for relative expressions; default: now",
                schema = @Schema(type = STRING))
        @QueryParam("as_of")
        InstantParam asOf,

        @Parameter(
                name = "limit",
                in = QUERY,
                description = "Results, 1 to 50; default 10",
                schema = @Schema(type = INTEGER))
        @QueryParam("limit")
        @Min(value = 1, message = "must be from 1 to 50, was ${validatedValue}")
        @Max(value = 50, message = "must be from 1 to 50, was ${validatedValue}")
        Integer limit,

        @Parameter(
                name = "include_messages",
                in = QUERY,
                description = "true: also search the bot's own message vectors for the user's messages nearest to "
                        + "q (conversation messages only, within the range) and return them with their timestamps "
                        + "and their day summary's id; default false",
                schema = @Schema(type = BOOLEAN))
        @QueryParam("include_messages")
        Boolean includeMessages,

        @Parameter(
                name = "message_limit",
                in = QUERY,
                description = "Messages returned with include_messages, 1 to 50; default 5",
                schema = @Schema(type = INTEGER))
        @QueryParam("message_limit")
        @Min(value = 1, message = "must be from 1 to 50, was ${validatedValue}")
        @Max(value = 50, message = "must be from 1 to 50, was ${validatedValue}")
        Integer messageLimit) {

    static final int MAX_QUERY_CHARS = 500;
    static final int DEFAULT_LIMIT = 10;
    static final int DEFAULT_MESSAGE_LIMIT = 5;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    boolean messagesWanted() {
        return Boolean.TRUE.equals(includeMessages);
    }

    int messageLimitOrDefault() {
        return messageLimit == null ? DEFAULT_MESSAGE_LIMIT : messageLimit;
    }

    /** Refuses a query that is not text, and contradicting ranges; called after the constraints. */
    void refuseNonsense() {
        if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ProblemException.invalid("q", "must contain words");
        }
        if (q.codePoints().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw ProblemException.invalid("q", "must be text without control characters");
        }
        if (when != null && (from != null || to != null)) {
            throw ProblemException.invalid("when", "give either when or from and to, not both");
        } else if (messageLimit != null && !messagesWanted()) {
            throw ProblemException.invalid("message_limit", "is only read with include_messages=true");
        } else if (when == null && (from == null) != (to == null)) {
            throw from == null
                    ? ProblemException.invalid("from", "is required with to")
                    : ProblemException.invalid("to", "is required with from");
        }
    }
}
