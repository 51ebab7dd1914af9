package dev.enrichment.recap;

import dev.enrichment.web.QueryParams;
import dev.enrichment.web.ApiProblem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A recap request as validated before the range is resolved: either {@code when} or both {@code from} and
 * {@code to} (read later, in the resolved zone).
 *
 * @param zone the requested zone; null to use the user's timezone preference, else UTC
 * @param asOf the reference instant; null for now
 */
record RecapRequest(String bot, String userId, String when, String from, String to, ZoneId zone, Instant asOf) {

    static RecapRequest parse(String bot, String userId, String when, String from, String to, String tz,
            String asOf) {
        String botName = QueryParams.required("bot", bot);
        String user = QueryParams.required("user_id", userId);
        String expression = QueryParams.text(when);
        String start = QueryParams.text(from);
        String end = QueryParams.text(to);
        if (expression != null && (start != null || end != null)) {
            throw ApiProblem.badRequest("when", "give either when or from and to, not both");
        }
        if (expression == null) {
            if (start == null && end == null) {
                throw ApiProblem.badRequest("when", "is required, e.g. \"last week\" (or give from and to)");
            }
            if (start == null) {
                throw ApiProblem.badRequest("from", "is required with to");
            }
            if (end == null) {
                throw ApiProblem.badRequest("to", "is required with from");
            }
        }
        return new RecapRequest(botName, user, expression, start, end, zone(tz),
                QueryParams.exactInstant("as_of", asOf));
    }

    private static ZoneId zone(String tz) {
        String text = QueryParams.text(tz);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest("tz", "'" + text + "' is not an IANA time zone such as Europe/Berlin");
        }
    }
}
