package dev.enrichment.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsHostAndParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db.example:5433/main?sslmode=require", "other"))
                .isEqualTo("jdbc:postgresql://db.example:5433/other?sslmode=require");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/main", "other"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/other");
    }

    @Test
    void addsTheDatabaseWhereTheUrlHasNone() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost", "other"))
                .isEqualTo("jdbc:postgresql://localhost/other");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost?user=x", "other"))
                .isEqualTo("jdbc:postgresql://localhost/other?user=x");
    }

    @Test
    void replacesTheDatabaseInTheShortForm() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:main", "other")).isEqualTo("jdbc:postgresql:other");
    }

    @Test
    void rejectsOtherUrls() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://localhost/main", "other"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
