package dev.enrichment.testsupport.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/** Creates roles and databases over an administrative JDBC connection. */
final class DatabaseAdmin {

    // Unquoted PostgreSQL identifiers: no quoting needed in SQL, and safe to put in a JDBC URL
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String url;
    private final String username;
    private final String password;
    private final String databaseOwner;

    /** {@code databaseOwner} null: new databases belong to the connecting user. */
    DatabaseAdmin(String url, String username, String password, String databaseOwner) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.databaseOwner = databaseOwner;
    }

    void createLoginRole(String role, String rolePassword) {
        // The password is generated hex, so it needs no escaping
        execute("CREATE ROLE " + checkedName(role) + " LOGIN CREATEDB PASSWORD '" + rolePassword + "'");
    }

    synchronized void recreateDatabase(String name) {
        checkedName(name);
        execute(
                "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
                "CREATE DATABASE " + name + (databaseOwner == null ? "" : " OWNER " + databaseOwner));
    }

    static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database and role names must be lower-case letters, digits and "
                    + "underscores, starting with a letter or underscore: " + name);
        }
        return name;
    }

    private void execute(String... statements) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not administer the test PostgreSQL server at " + url + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // The driver directly, not DriverManager: Quarkus tests load it in their own class loaders
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }
}
