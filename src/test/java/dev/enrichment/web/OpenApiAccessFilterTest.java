package dev.enrichment.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiAccessFilterTest {

    @Test
    void keysAnOperationTheWayTheDocumentSpellsItsPath() {
        assertThat(OpenApiAccessFilter.key("get", "/api/v1/things/" + "/{id}")).isEqualTo("GET /api/v1/things/{id}");
        assertThat(OpenApiAccessFilter.key("POST", "api/v1/things/")).isEqualTo("POST /api/v1/things");
    }

    @Test
    void dropsPathParameterPatterns() {
        assertThat(OpenApiAccessFilter.key("GET", "/api/v1/users/{user_id: [a-z0-9_-]+}/facts/{ id :\\d+}"))
                .isEqualTo("GET /api/v1/users/{user_id}/facts/{id}");
    }
}
