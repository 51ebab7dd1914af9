package dev.enrichment.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The database check keeps the driver's message (host, port, user) for admins who asked for details. */
class DatabaseReadinessCheckTest {

    private static final String DRIVER_MESSAGE =
            "Connection to db.internal:5432 refused. Check that the hostname and port are correct";

    @Test
    void isDownWithoutSayingWhereByDefault() {
        HealthCheckResponse response = new DatabaseReadinessCheck(refusing(), false).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).isEqualTo("database");
        assertThat(response.getData()).isEmpty();
    }

    @Test
    void saysWhyWhenDetailsAreOn() {
        HealthCheckResponse response = new DatabaseReadinessCheck(refusing(), true).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("error", DRIVER_MESSAGE);
    }

    private static DataSource refusing() {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException(DRIVER_MESSAGE, "08001");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {}

            @Override
            public void setLoginTimeout(int seconds) {}

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                return null;
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
