package dev.enrichment.testsupport.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) on this machine. */
final class PostgresBinaries {

    static final String BIN_DIR_ENV = "TEST_POSTGRES_BIN_DIR";
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");
    private static final Path VERSIONS_ROOT = Path.of("/usr/lib/postgresql");

    private PostgresBinaries() {}

    static Path locate() {
        return locate(System.getenv(BIN_DIR_ENV));
    }

    /** With an override only that directory counts, so a bad override fails instead of falling back silently. */
    static Path locate(String overrideDir) {
        if (overrideDir != null && !overrideDir.isBlank()) {
            Path dir = Path.of(overrideDir);
            if (hasServerPrograms(dir)) {
                return dir;
            }
            throw missing(BIN_DIR_ENV + "=" + overrideDir);
        }
        return installed().orElseThrow(() -> missing("`pg_config --bindir` or " + VERSIONS_ROOT + "/*/bin"));
    }

    /** The machine's own server programs, if installed: {@code pg_config --bindir}, else the newest version. */
    static Optional<Path> installed() {
        return fromPgConfig().or(() -> newestUnder(VERSIONS_ROOT));
    }

    static Optional<Path> newestUnder(Path versionsRoot) {
        try (Stream<Path> versions = Files.list(versionsRoot)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(PostgresBinaries::hasServerPrograms)
                    .max(Comparator.comparing(
                            bin -> bin.getParent().getFileName().toString(), PostgresBinaries::compareVersions));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> fromPgConfig() {
        // Debian's pg_config may come from libpq-dev and name a directory without the server programs
        return OsCommands.output(List.of("pg_config", "--bindir"))
                .map(Path::of)
                .filter(PostgresBinaries::hasServerPrograms);
    }

    private static boolean hasServerPrograms(Path dir) {
        return PROGRAMS.stream().allMatch(program -> Files.isExecutable(dir.resolve(program)));
    }

    private static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int order = Integer.compare(versionPart(a, i), versionPart(b, i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int versionPart(String[] parts, int index) {
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static IllegalStateException missing(String searched) {
        return new IllegalStateException("no PostgreSQL server binaries (initdb, pg_ctl, postgres) found in "
                + searched + " (TEST_POSTGRES=local): install PostgreSQL server binaries, e.g. "
                + "`apt-get install postgresql`, leave TEST_POSTGRES unset or set it to `embedded` to use the "
                + "binaries from Maven Central, or set QUARKUS_DATASOURCE_JDBC_URL/USERNAME/PASSWORD to a "
                + "database you own");
    }
}
