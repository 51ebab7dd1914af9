package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.internal.exception.sqlExceptions.FlywaySqlUnableToConnectToDbException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * The failures are wrapped as the packaged jar reports them: Quarkus's "Failed to start quarkus", caused by Flyway's
 * FlywaySqlUnableToConnectToDbException, caused by the driver's PSQLException (and, for network trouble, the socket's
 * exception below it).
 */
class DatabaseFailureExplainerTest {

    private static final DatabaseTarget TARGET = new DatabaseTarget(
            "db.local",
            "5433",
            "whisperengine",
            "bot",
            true,
            "jdbc:postgresql://db.local:5433/whisperengine",
            false,
            false,
            false,
            false);
    private static final DatabaseTarget NO_PASSWORD = new DatabaseTarget(
            "db.local",
            "5433",
            "whisperengine",
            "bot",
            false,
            "jdbc:postgresql://db.local:5433/whisperengine",
            false,
            false,
            false,
            false);
    private static final DatabaseTarget OVERRIDDEN = new DatabaseTarget(
            "pg.internal",
            "6543",
            "other",
            "admin",
            true,
            "jdbc:postgresql://pg.internal:6543/other",
            true,
            true,
            true,
            false);

    @Test
    void aRejectedPasswordNamesThePasswordAndUserVariablesAndWhereItTried() {
        Optional<String> text = DatabaseFailureExplainer.explain(
                startFailure(fromServer("28P01", "password authentication failed for user \"bot\"")),
                Optional.of(TARGET));

        assertThat(text)
                .hasValue("Cannot use PostgreSQL at db.local:5433 (database \"whisperengine\", user \"bot\", "
                        + "password set): authentication failed: the server rejected the password, or there is no such user "
                        + "(SQLState 28P01). Check POSTGRES_PASSWORD and POSTGRES_USER.");
    }

    @Test
    void aRefusedLoginNamesTheServersReason() {
        Optional<String> text = DatabaseFailureExplainer.explain(
                startFailure(
                        fromServer(
                                "28000",
                                "no pg_hba.conf entry for host \"10.0.0.9\", user \"bot\", database \"whisperengine\", no encryption")),
                Optional.of(TARGET));

        assertThat(text)
                .hasValueSatisfying(t -> assertThat(t)
                        .contains(
                                "db.local:5433",
                                "\"bot\"",
                                "\"whisperengine\"",
                                "SQLState 28000",
                                "no pg_hba.conf entry",
                                "POSTGRES_USER",
                                "POSTGRES_PASSWORD"));
    }

    @Test
    void aMissingPasswordSaysThatItIsNotSet() {
        PSQLException driver = new PSQLException(
                "The server requested SCRAM-based authentication, but no password was provided.",
                PSQLState.CONNECTION_REJECTED);

        assertThat(DatabaseFailureExplainer.explain(startFailure(driver), Optional.of(NO_PASSWORD)))
                .hasValue("Cannot use PostgreSQL at db.local:5433 (database \"whisperengine\", user \"bot\", "
                        + "password not set): the server requires a password and POSTGRES_PASSWORD is not set "
                        + "(SQLState 08004). Set POSTGRES_PASSWORD.");
    }

    @Test
    void aRefusedConnectionNamesHostAndPortVariables() {
        PSQLException driver = new PSQLException(
                "Connection to db.local:5433 refused. Check that the hostname and "
                        + "port are correct and that the postmaster is accepting TCP/IP connections.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));

        assertThat(DatabaseFailureExplainer.explain(startFailure(driver), Optional.of(TARGET)))
                .hasValue("Cannot use PostgreSQL at db.local:5433 (database \"whisperengine\", user \"bot\", "
                        + "password set): connection refused, nothing accepts connections at db.local:5433 "
                        + "(SQLState 08001). Check POSTGRES_HOST and POSTGRES_PORT, and that PostgreSQL is running "
                        + "and listens for TCP connections there.");
    }

    @Test
    void anUnknownHostAndATimeoutAreToldApart() {
        PSQLException unknown = new PSQLException(
                "The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new UnknownHostException("db.local"));
        PSQLException timeout = new PSQLException(
                "The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new SocketTimeoutException("Connect timed out"));
        PSQLException other =
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);

        assertThat(DatabaseFailureExplainer.explain(startFailure(unknown), Optional.of(TARGET)))
                .hasValueSatisfying(t -> assertThat(t)
                        .contains(
                                "host name is unknown (db.local could not be resolved)",
                                "Check POSTGRES_HOST and POSTGRES_PORT"));
        assertThat(DatabaseFailureExplainer.explain(startFailure(timeout), Optional.of(TARGET)))
                .hasValueSatisfying(t -> assertThat(t)
                        .contains(
                                "timed out, nothing answered at db.local:5433",
                                "Check POSTGRES_HOST and POSTGRES_PORT"));
        assertThat(DatabaseFailureExplainer.explain(startFailure(other), Optional.of(TARGET)))
                .hasValueSatisfying(t -> assertThat(t)
                        .contains(
                                "the connection attempt failed",
                                "SQLState 08006",
                                "Check POSTGRES_HOST and POSTGRES_PORT"));
    }

    @Test
    void anUnknownDatabaseNamesTheDatabaseAndItsVariable() {
        Optional<String> text = DatabaseFailureExplainer.explain(
                startFailure(fromServer("3D000", "database \"whisperengine\" does not exist")), Optional.of(TARGET));

        assertThat(text)
                .hasValue("Cannot use PostgreSQL at db.local:5433 (database \"whisperengine\", user \"bot\", "
                        + "password set): the database \"whisperengine\" does not exist on that server (SQLState 3D000). "
                        + "Check POSTGRES_DB, or create the database.");
    }

    @Test
    void namesTheOverridingVariablesWhenTheyAreInUse() {
        assertThat(DatabaseFailureExplainer.explain(
                        startFailure(fromServer("28P01", "password authentication failed for user \"admin\"")),
                        Optional.of(OVERRIDDEN)))
                .hasValueSatisfying(t -> assertThat(t)
                        .contains(
                                "pg.internal:6543",
                                "Check QUARKUS_DATASOURCE_PASSWORD and QUARKUS_DATASOURCE_USERNAME."));
        assertThat(DatabaseFailureExplainer.explain(
                        startFailure(fromServer("3D000", "database \"other\" does not exist")),
                        Optional.of(OVERRIDDEN)))
                .hasValueSatisfying(t -> assertThat(t).contains("Check QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void stillClassifiesWhenTheTargetWasNeverReported() {
        assertThat(DatabaseFailureExplainer.explain(
                        startFailure(fromServer("3D000", "database \"x\" does not exist")), Optional.empty()))
                .hasValue("Cannot use PostgreSQL: the database does not exist on that server (SQLState 3D000). "
                        + "Check POSTGRES_DB, or create the database.");
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(DatabaseFailureExplainer.explain(
                        new RuntimeException(
                                "Failed to start quarkus", new IllegalStateException("Port 8080 already in use")),
                        Optional.of(TARGET)))
                .isEmpty();
        // A migration that fails on its SQL is not a connection problem.
        assertThat(DatabaseFailureExplainer.explain(
                        startFailure(fromServer("42P07", "relation \"enrichment_windows\" already exists")),
                        Optional.of(TARGET)))
                .isEmpty();
    }

    /** What the packaged jar's exit handler receives when Flyway's first connection fails. */
    private static RuntimeException startFailure(SQLException driver) {
        return new RuntimeException("Failed to start quarkus", new FlywaySqlUnableToConnectToDbException(driver, null));
    }

    /** The driver's exception for an error the server sent, as pgjdbc builds it from the protocol message. */
    private static PSQLException fromServer(String sqlState, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0C" + sqlState + "\0M" + message + "\0"));
    }
}
