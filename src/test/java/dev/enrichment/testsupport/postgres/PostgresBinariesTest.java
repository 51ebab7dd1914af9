package dev.enrichment.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @Test
    void failsWithWhatToInstallOrSetWhenNoServerBinariesAreFound(@TempDir Path empty) {
        assertThatThrownBy(() -> PostgresBinaries.locate(empty.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TEST_POSTGRES_BIN_DIR=" + empty)
                .hasMessageContaining("`apt-get install postgresql`")
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL/USERNAME/PASSWORD");
    }

    @Test
    void picksTheNewestVersionThatHasAllServerPrograms(@TempDir Path versions) throws IOException {
        serverPrograms(versions.resolve("9.6/bin"), List.of("initdb", "pg_ctl", "postgres"));
        serverPrograms(versions.resolve("15/bin"), List.of("initdb", "pg_ctl", "postgres"));
        serverPrograms(versions.resolve("16/bin"), List.of("initdb", "pg_ctl", "postgres"));
        serverPrograms(versions.resolve("17/bin"), List.of("pg_ctl", "psql"));

        assertThat(PostgresBinaries.newestUnder(versions)).contains(versions.resolve("16/bin"));
    }

    @Test
    void findsNothingUnderAMissingDirectory(@TempDir Path parent) {
        assertThat(PostgresBinaries.newestUnder(parent.resolve("absent"))).isEmpty();
    }

    private static void serverPrograms(Path bin, List<String> names) throws IOException {
        Files.createDirectories(bin);
        for (String name : names) {
            Files.createFile(
                    bin.resolve(name),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }
}
