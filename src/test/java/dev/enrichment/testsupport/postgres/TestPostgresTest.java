package dev.enrichment.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    private static final String SCRATCH_DATABASE = "test_postgres_scratch";

    @Test
    void acceptsConnectionsWithTheTestCredentials() throws SQLException {
        TestPostgres postgres = TestPostgres.get();

        try (Connection connection = connect(postgres.jdbcUrl(), postgres);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_user, current_setting('server_encoding')")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(postgres.username());
            assertThat(result.getString(2)).isEqualTo("UTF8");
        }
    }

    @Test
    void recreatedDatabaseIsEmptyAndUsable() throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        postgres.recreateDatabase(SCRATCH_DATABASE);
        try (Connection connection = connect(postgres.jdbcUrl(SCRATCH_DATABASE), postgres);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE legacy (id int PRIMARY KEY)");
            statement.execute("INSERT INTO legacy VALUES (1)");
        }

        postgres.recreateDatabase(SCRATCH_DATABASE);

        try (Connection connection = connect(postgres.jdbcUrl(SCRATCH_DATABASE), postgres);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isZero();
            statement.execute("CREATE TABLE fresh (id int)");
        }
    }

    @Test
    void getReturnsTheSameServer() {
        assertThat(TestPostgres.get()).isSameAs(TestPostgres.get());
    }

    private static Connection connect(String url, TestPostgres postgres) throws SQLException {
        return DriverManager.getConnection(url, postgres.username(), postgres.password());
    }
}
