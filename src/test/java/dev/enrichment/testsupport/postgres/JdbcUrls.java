package dev.enrichment.testsupport.postgres;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Swaps the database in a PostgreSQL JDBC URL. */
final class JdbcUrls {

    // jdbc:postgresql://host[:port][,host:port...][/database][?params] or jdbc:postgresql:database[?params]
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql:(//[^/?]*)?/?)([^?]*)(\\?.*)?");

    private JdbcUrls() {}

    static String withDatabase(String url, String database) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        String prefix = matcher.group(1);
        if (matcher.group(2) != null && !prefix.endsWith("/")) {
            prefix += "/";
        }
        return prefix + database + Objects.toString(matcher.group(4), "");
    }
}
