package dev.enrichment.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The binaries from Maven Central run a real cluster, whatever the machine has installed. */
class EmbeddedBinariesTest {

    private static final Path CACHE = Path.of("target").toAbsolutePath();

    @Test
    void unpacksOnceAndRunsAPostgreSql16Cluster() throws IOException, SQLException {
        Path bin = TestPostgres.serverBinaries("embedded");
        Path again = TestPostgres.serverBinaries("EMBEDDED");

        assertThat(again).isEqualTo(bin);
        assertThat(bin.resolve("postgres")).isExecutable();
        assertThat(bin.resolve("initdb")).isExecutable();

        LocalCluster cluster = LocalCluster.start(bin, CACHE);
        try (Connection connection = DriverManager.getConnection(
                        cluster.jdbcUrl("postgres"), LocalCluster.SUPERUSER, cluster.superuserPassword());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version_num")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isBetween(160000, 169999);
        } finally {
            cluster.stop();
        }
        assertThat(Files.exists(cluster.dir())).isFalse();
    }

    @Test
    void refusesAnUnknownSource() {
        assertThatThrownBy(() -> TestPostgres.serverBinaries("docker"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TEST_POSTGRES must be `local` or `embedded` (or unset), not `docker`");
    }
}
