package dev.enrichment.testsupport;

import dev.enrichment.testsupport.llm.LlmWireMockResource;
import dev.enrichment.testsupport.postgres.PostgresTestResource;
import dev.enrichment.testsupport.qdrant.QdrantTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The one set of test resources every Quarkus test shares, so the application boots once per test run: a real
 * PostgreSQL, the Qdrant test double (or a real Qdrant) and a WireMock LLM.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(QdrantTestResource.class)
@QuarkusTestResource(LlmWireMockResource.class)
public final class GlobalTestResources {

    private GlobalTestResources() {}
}
