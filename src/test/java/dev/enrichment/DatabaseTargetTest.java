package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void readsTheTargetFromThePostgresVariables() {
        DatabaseTarget target = target(config(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.local:5433/whisperengine",
                "quarkus.datasource.username", "bot",
                "quarkus.datasource.password", "s3cret",
                "POSTGRES_PASSWORD", "s3cret")));

        assertThat(target)
                .isEqualTo(new DatabaseTarget(
                        "db.local",
                        "5433",
                        "whisperengine",
                        "bot",
                        true,
                        "jdbc:postgresql://db.local:5433/whisperengine",
                        false,
                        false,
                        false,
                        false));
        assertThat(target.describe())
                .isEqualTo(
                        "db.local:5433, database whisperengine, user bot, password set (from the POSTGRES_* variables)")
                .doesNotContain("s3cret");
        assertThat(target.addressVariables()).isEqualTo("POSTGRES_HOST and POSTGRES_PORT");
        assertThat(target.databaseVariable()).isEqualTo("POSTGRES_DB");
        assertThat(target.userVariable()).isEqualTo("POSTGRES_USER");
        assertThat(target.passwordVariable()).isEqualTo("POSTGRES_PASSWORD");
    }

    @Test
    void reportsAMissingPassword() {
        DatabaseTarget target =
                target(config(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.local:5433/whisperengine")));

        assertThat(target.passwordSet()).isFalse();
        assertThat(target.passwordVariable()).isEqualTo("POSTGRES_PASSWORD");
        assertThat(target.describe()).contains("user bot, password not set");
    }

    @Test
    void readsHostPortAndDatabaseFromAnOverridingUrlAndMasksItsPassword() {
        DatabaseTarget target = target(config(Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://pg.internal:6543/other?sslmode=require&password=hunter2&sslpassword=x",
                "quarkus.datasource.username",
                "admin",
                "quarkus.datasource.password",
                "p")));

        assertThat(target.address()).isEqualTo("pg.internal:6543");
        assertThat(target.database()).isEqualTo("other");
        assertThat(target.user()).isEqualTo("admin");
        assertThat(target.jdbcUrl())
                .isEqualTo("jdbc:postgresql://pg.internal:6543/other?sslmode=require&password=***&sslpassword=***");
        assertThat(target.addressVariables()).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(target.databaseVariable()).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(target.userVariable()).isEqualTo("QUARKUS_DATASOURCE_USERNAME");
        assertThat(target.passwordVariable())
                .as("the driver lets the URL's password win")
                .isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(target.describe())
                .startsWith("pg.internal:6543, database other, user admin, password set (QUARKUS_DATASOURCE_JDBC_URL="
                        + "jdbc:postgresql://pg.internal:6543/other?sslmode=require&password=***&sslpassword=*** "
                        + "replaces POSTGRES_HOST, POSTGRES_PORT and POSTGRES_DB;")
                .doesNotContain("hunter2");
    }

    @Test
    void namesTheOverridingPasswordVariable() {
        DatabaseTarget target = target(config(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.local:5433/whisperengine",
                "quarkus.datasource.password", "from-quarkus-variable",
                "POSTGRES_PASSWORD", "from-postgres-variable")));

        assertThat(target.passwordVariable()).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
        assertThat(target.describe()).endsWith("(QUARKUS_DATASOURCE_PASSWORD replaces POSTGRES_PASSWORD)");
    }

    @Test
    void countsAPasswordInTheUrlAsSet() {
        DatabaseTarget target = target(
                config(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://pg.internal/other?password=hunter2")));

        assertThat(target.passwordSet()).isTrue();
        assertThat(target.passwordVariable()).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(target.describe()).contains("password set").doesNotContain("hunter2");
    }

    @Test
    void appliesTheDriversDefaultsAndReadsMultiHostUrls() {
        assertThat(target(config(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://pg.internal/other")))
                        .address())
                .isEqualTo("pg.internal:5432");
        assertThat(target(config(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://a:1,b:2/other")))
                        .address())
                .isEqualTo("a:1,b:2");
    }

    /** POSTGRES_HOST=db.local, POSTGRES_PORT=5433, POSTGRES_DB=whisperengine, POSTGRES_USER=bot. */
    private static DatabaseTarget target(SmallRyeConfig config) {
        return DatabaseTarget.from("db.local", 5433, "whisperengine", "bot", config);
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(new HashMap<>(values), "test", 100))
                .build();
    }
}
