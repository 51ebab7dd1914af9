package dev.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.postgresql.Driver;

/**
 * The PostgreSQL server, database and user the service connects to, and which environment variables decided them.
 * Users set {@code POSTGRES_*}; {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} and {@code _PASSWORD} replace
 * what those assemble, so host, port and database are read back from the JDBC URL Quarkus will actually use.
 *
 * @param host the host, or hosts of a multi-host URL joined by commas
 * @param port the port, or ports of a multi-host URL joined by commas
 * @param jdbcUrl the datasource URL, with the values of password parameters masked
 * @param urlOverridden the URL is not the one {@code POSTGRES_HOST/PORT/DB} assemble
 * @param userOverridden the user is not {@code POSTGRES_USER}
 * @param passwordOverridden the password is not {@code POSTGRES_PASSWORD}
 * @param passwordInUrl the overriding URL carries the password as a parameter; the driver reads URL parameters last,
 *     so that one wins over {@code QUARKUS_DATASOURCE_PASSWORD}
 */
record DatabaseTarget(
        String host,
        String port,
        String database,
        String user,
        boolean passwordSet,
        String jdbcUrl,
        boolean urlOverridden,
        boolean userOverridden,
        boolean passwordOverridden,
        boolean passwordInUrl) {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String USERNAME_PROPERTY = "quarkus.datasource.username";
    static final String PASSWORD_PROPERTY = "quarkus.datasource.password";

    // Any URL parameter whose name mentions a password (password, sslpassword, ...) has its value masked.
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&][^=&]*password[^=&]*=)[^&]*");

    /** Reads the target from the {@code POSTGRES_*} values and the datasource properties built from them. */
    static DatabaseTarget from(DatabaseConfig postgres, Config config) {
        return from(postgres.host(), postgres.port(), postgres.db(), postgres.user(), config);
    }

    static DatabaseTarget from(
            String postgresHost, int postgresPort, String postgresDb, String postgresUser, Config config) {
        String assembled = "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + postgresDb;

        String url = config.getOptionalValue(URL_PROPERTY, String.class).orElse(assembled);
        String user = config.getOptionalValue(USERNAME_PROPERTY, String.class).orElse(postgresUser);
        Optional<String> password = config.getOptionalValue(PASSWORD_PROPERTY, String.class);
        // Read by its own name: SmallRye finds an environment variable (or a .env entry) under its exact name.
        Optional<String> postgresPassword = config.getOptionalValue("POSTGRES_PASSWORD", String.class);

        boolean urlOverridden = !url.equals(assembled);
        String host = postgresHost;
        String port = Integer.toString(postgresPort);
        String database = postgresDb;
        boolean passwordInUrl = false;
        if (urlOverridden) {
            // pgjdbc's own parser, so defaults (localhost, 5432) and multi-host URLs read as the driver reads them.
            Properties parsed = Driver.parseURL(url, null);
            host = parsed == null ? "?" : parsed.getProperty("PGHOST", "?");
            port = parsed == null ? "?" : parsed.getProperty("PGPORT", "?");
            database = parsed == null ? "?" : parsed.getProperty("PGDBNAME", "?");
            passwordInUrl = parsed != null && parsed.getProperty("password") != null;
        }
        return new DatabaseTarget(
                host,
                port,
                database,
                user,
                password.isPresent() || passwordInUrl,
                masked(url),
                urlOverridden,
                !user.equals(postgresUser),
                !password.equals(postgresPassword),
                passwordInUrl);
    }

    /** {@code host:port}, one pair per host of a multi-host URL. */
    String address() {
        String[] hosts = host.split(",");
        String[] ports = port.split(",");
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            pairs.add(hosts[i] + ":" + (i < ports.length ? ports[i] : ports[ports.length - 1]));
        }
        return String.join(",", pairs);
    }

    /** The variables that set host and port. */
    String addressVariables() {
        return urlOverridden ? "QUARKUS_DATASOURCE_JDBC_URL" : "POSTGRES_HOST and POSTGRES_PORT";
    }

    String databaseVariable() {
        return urlOverridden ? "QUARKUS_DATASOURCE_JDBC_URL" : "POSTGRES_DB";
    }

    String userVariable() {
        return userOverridden ? "QUARKUS_DATASOURCE_USERNAME" : "POSTGRES_USER";
    }

    String passwordVariable() {
        if (passwordInUrl) {
            return "QUARKUS_DATASOURCE_JDBC_URL";
        }
        return passwordOverridden ? "QUARKUS_DATASOURCE_PASSWORD" : "POSTGRES_PASSWORD";
    }

    /** One line for the start-up log: what, and from which variables; never the password. */
    String describe() {
        String where = address() + ", database " + database + ", user " + user + ", password "
                + (passwordSet ? "set" : "not set");
        List<String> overrides = new ArrayList<>();
        if (urlOverridden) {
            overrides.add("QUARKUS_DATASOURCE_JDBC_URL=" + jdbcUrl + " replaces POSTGRES_HOST, POSTGRES_PORT and "
                    + "POSTGRES_DB");
        }
        if (userOverridden) {
            overrides.add("QUARKUS_DATASOURCE_USERNAME replaces POSTGRES_USER");
        }
        if (passwordOverridden && passwordSet && !passwordInUrl) {
            overrides.add("QUARKUS_DATASOURCE_PASSWORD replaces POSTGRES_PASSWORD");
        }
        return where
                + (overrides.isEmpty()
                        ? " (from the POSTGRES_* variables)"
                        : " (" + String.join("; ", overrides) + ")");
    }

    static String masked(String url) {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }
}
