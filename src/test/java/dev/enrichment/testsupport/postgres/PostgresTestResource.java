package dev.enrichment.testsupport.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the Quarkus datasource at {@link TestPostgres}. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestPostgres postgres = TestPostgres.get();
        if (postgres.isExternal()) {
            // QUARKUS_DATASOURCE_* apply as they are
            return Map.of();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // The server outlives application restarts (other test profiles); a JVM shutdown hook removes it
    }
}
