package dev.enrichment.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What no answer of the API may show, whatever it was sent: a 5xx (other than a documented unavailability), a 4xx
 * that is not a problem document, an error carrying a Java stack trace, SQL or driver text, or a key anywhere.
 */
public final class ResponseHygiene {

    /** The one 5xx a request may meet in the test profile: search with embeddings off is unavailable by design. */
    private static final Set<String> DOCUMENTED_UNAVAILABLE =
            Set.of("https://enrichment.dev/problems/search-unavailable");

    private static final List<String> LEAKS = List.of(
            "at dev.",
            "at java.",
            "at io.",
            "at org.",
            "Exception",
            "Caused by", // stack traces, class names
            "SELECT ",
            "INSERT ",
            "UPDATE ",
            "DELETE FROM",
            "org.postgresql",
            "ERROR:",
            "SQLState",
            "Hibernate");

    private ResponseHygiene() {}

    /**
     * Each rule the answer breaks, as a sentence; empty when it is clean. {@code sent} is what the request carried: an
     * answer may quote the caller's own value back ("'x; SELECT 1' is not a time"), which is no leak.
     */
    public static List<String> breaches(
            int status, String contentType, String body, Collection<String> secrets, String sent) {
        List<String> breaches = new ArrayList<>();
        String ownText = sent.isEmpty() ? body : body.replace(sent, "");
        String type = contentType == null ? "" : contentType;
        if (status >= 500 && !(status == 503 && DOCUMENTED_UNAVAILABLE.stream().anyMatch(body::contains))) {
            breaches.add("a " + status);
        }
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            breaches.add("a " + status + " as '" + type + "', not problem+json");
        }
        for (String leak : LEAKS) {
            // only errors are searched: a 2xx may return what an earlier request stored (a job's parameters)
            if (status >= 400 && ownText.contains(leak)) {
                breaches.add("the body shows '" + leak + "'");
            }
        }
        for (String secret : secrets) {
            if (body.contains(secret)) {
                breaches.add("the body shows a key");
            }
        }
        return breaches;
    }
}
