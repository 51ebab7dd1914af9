package dev.enrichment.schema;

import dev.enrichment.testsupport.postgres.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Scratch databases on the test PostgreSQL: create, fill from SQL files, migrate as the application does. */
final class Databases {

    private Databases() {}

    /** A new, empty database (dropped first if it exists). */
    static void recreate(String database) {
        TestPostgres.get().recreateDatabase(database);
    }

    /** A WhisperEngine database as production has it: the reference DDL and realistic rows, no Flyway history. */
    static void recreateLegacy(String database, String... extraScripts) {
        recreate(database);
        runScript(database, "legacy/whisperengine-schema.sql");
        runScript(database, "legacy/whisperengine-data.sql");
        for (String script : extraScripts) {
            runScript(database, script);
        }
    }

    static Connection connect(String database) throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    static void runScript(String database, String classpathResource) {
        execute(database, readResource(classpathResource));
    }

    static void execute(String database, String sql) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    /** Flyway with the application's settings: baselining at 0 lets V1 run on a database without history. */
    /** The versions of the migrations in {@code db/migration}, in order: the tests follow new migrations by themselves. */
    static final List<String> VERSIONS = migrationVersions();

    private static List<String> migrationVersions() {
        try {
            java.net.URL dir = Databases.class.getClassLoader().getResource("db/migration");
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
                return files.map(f -> f.getFileName().toString())
                        .filter(name -> name.matches("V\\d+__.*\\.sql"))
                        .map(name -> name.substring(1, name.indexOf("__")))
                        .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                        .toList();
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list db/migration", e);
        }
    }

    static MigrateResult migrate(String database) {
        TestPostgres postgres = TestPostgres.get();
        return Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static String readResource(String name) {
        try (InputStream in = Databases.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No such resource: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
