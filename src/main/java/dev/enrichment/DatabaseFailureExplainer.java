package dev.enrichment;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns a start-up failure caused by PostgreSQL into one sentence naming the server, database and user that were
 * tried and the variables to change. The first connection is Flyway's, so the failure arrives as Quarkus's
 * "Failed to start quarkus", caused by Flyway's {@code FlywaySqlUnableToConnectToDbException}, caused by the
 * driver's {@code PSQLException}, caused (for network trouble) by the socket's exception; the classification reads
 * the SQLState of the first {@link SQLException} in that chain and the socket exception below it, never the
 * wrappers, so it does not depend on which of them Quarkus or Flyway add.
 */
final class DatabaseFailureExplainer {

    private DatabaseFailureExplainer() {}

    /**
     * A sentence saying why PostgreSQL could not be used and what to set, or empty when the failure is not one of
     * the recognised database failures.
     *
     * @param target the database the service reported it would use, when it got that far
     */
    static Optional<String> explain(Throwable failure, Optional<DatabaseTarget> target) {
        SQLException sql = find(failure, SQLException.class);
        if (sql == null) {
            return Optional.empty();
        }
        String state = String.valueOf(sql.getSQLState());
        String message = String.valueOf(sql.getMessage());
        String passwordVariable = target.map(DatabaseTarget::passwordVariable).orElse("POSTGRES_PASSWORD");
        String userVariable = target.map(DatabaseTarget::userVariable).orElse("POSTGRES_USER");
        String addressVariables =
                target.map(DatabaseTarget::addressVariables).orElse("POSTGRES_HOST and POSTGRES_PORT");
        String databaseVariable = target.map(DatabaseTarget::databaseVariable).orElse("POSTGRES_DB");
        String address = target.map(DatabaseTarget::address).orElse("the configured host and port");

        String reason;
        String fix;
        // pgjdbc's own wording when the server wants a password and the driver has none (SQLState 08004).
        if (message.contains("no password was provided")) {
            reason = "the server requires a password and " + passwordVariable + " is not set";
            fix = "Set " + passwordVariable + ".";
        } else if (state.equals("28P01")) {
            reason = "authentication failed: the server rejected the password, or there is no such user";
            fix = "Check " + passwordVariable + " and " + userVariable + ".";
        } else if (state.equals("28000")) {
            reason = "the server refused the login (" + message + ")";
            fix = "Check " + userVariable + " and " + passwordVariable
                    + ", and that the server's pg_hba.conf admits this user from this host.";
        } else if (state.equals("3D000")) {
            reason = "the database "
                    + target.map(t -> quoted(t.database()) + " ").orElse("") + "does not exist on that server";
            fix = "Check " + databaseVariable + ", or create the database.";
        } else if (find(sql, UnknownHostException.class) != null) {
            reason = "the host name is unknown ("
                    + find(sql, UnknownHostException.class).getMessage() + " could not be resolved)";
            fix = "Check " + addressVariables + ".";
        } else if (find(sql, SocketTimeoutException.class) != null) {
            reason = "the connection timed out, nothing answered at " + address;
            fix = "Check " + addressVariables + ", and that no firewall drops the connection.";
        } else if (find(sql, NoRouteToHostException.class) != null) {
            reason = "there is no network route to " + address;
            fix = "Check " + addressVariables + ".";
        } else if (find(sql, ConnectException.class) != null) {
            reason = "connection refused, nothing accepts connections at " + address;
            fix = "Check " + addressVariables + ", and that PostgreSQL is running and listens for TCP connections"
                    + " there.";
        } else if (state.equals("08001") || state.equals("08006")) {
            reason = "the connection attempt failed (" + message + ")";
            fix = "Check " + addressVariables + ", and that PostgreSQL is running there.";
        } else {
            return Optional.empty();
        }
        String where = target.map(t -> " at " + t.address() + " (database " + quoted(t.database()) + ", user "
                        + quoted(t.user()) + ", password " + (t.passwordSet() ? "set" : "not set") + ")")
                .orElse("");
        return Optional.of("Cannot use PostgreSQL" + where + ": " + reason + " (SQLState " + state + "). " + fix);
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    /** The first throwable of that type in the cause chain, starting with {@code from} itself. */
    private static <T extends Throwable> T find(Throwable from, Class<T> type) {
        for (Throwable t = from; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
