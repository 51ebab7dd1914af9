package dev.enrichment.schema;

import dev.enrichment.testsupport.postgres.TestPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Boots the application against an existing WhisperEngine database (tables and rows, no Flyway history) instead of
 * the shared test database.
 */
public class LegacyDatabaseProfile implements QuarkusTestProfile {

    static final String DATABASE = "legacy_whisperengine_app";

    @Override
    public Map<String, String> getConfigOverrides() {
        return datasource();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LegacyDatabaseResource.class));
    }

    static Map<String, String> datasource() {
        TestPostgres postgres = TestPostgres.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    /** Fills the legacy database before the application starts and migrates it. */
    public static class LegacyDatabaseResource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Databases.recreateLegacy(DATABASE);
            return datasource();
        }

        @Override
        public void stop() {
            // the database is recreated on the next run; leaving it helps when a test fails
        }
    }
}
