package dev.enrichment;

import dev.enrichment.conversation.QdrantConfig;
import dev.enrichment.llm.LlmConfig;
import dev.enrichment.pipeline.PipelineConfig;
import dev.enrichment.security.ApiKeysConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Logs the effective configuration once at start, secrets reduced to "set" or "not set". Injecting every mapping
 * here also has Quarkus validate each of them at start-up, including those no other bean uses yet.
 */
@ApplicationScoped
class StartupReport {

    private final QdrantConfig qdrant;
    private final DatabaseConfig database;
    private final LlmConfig llm;
    private final PipelineConfig pipeline;
    private final ApiKeysConfig api;

    StartupReport(QdrantConfig qdrant, DatabaseConfig database, LlmConfig llm, PipelineConfig pipeline,
            ApiKeysConfig api) {
        this.qdrant = qdrant;
        this.database = database;
        this.llm = llm;
        this.pipeline = pipeline;
        this.api = api;
    }

    void onStart(@Observes StartupEvent event) {
        Log.infof("Qdrant %s:%d (tls=%s, api key %s), bot collections with prefixes %s",
                qdrant.host(), qdrant.grpcPort(), qdrant.useTls(), setOrNot(qdrant.apiKey().isPresent()),
                qdrant.collectionPrefixes());
        Log.infof("PostgreSQL from POSTGRES_*: %s:%d/%s as %s (QUARKUS_DATASOURCE_* override these when set)",
                database.host(), database.port(), database.db(), database.user());
        Log.infof("LLM %s, model %s, api key %s, at most %d calls at once",
                llm.apiUrl(), llm.model(), setOrNot(llm.apiKey().filter(k -> !k.isBlank()).isPresent()),
                llm.maxConcurrency());
        Log.infof("Worker: every %d s, %d-hour windows, at least %d messages per summary, first look back %d days",
                pipeline.intervalSeconds(), pipeline.timeWindowHours(), pipeline.minMessagesForSummary(),
                pipeline.lookbackDays());
        Log.infof("API keys: %d admin, %d bot%s", count(api.adminKeys()), count(api.botKeys()),
                api.authDisabled() ? " (API_AUTH_DISABLED=true: the API accepts requests without a key)" : "");
    }

    private static String setOrNot(boolean set) {
        return set ? "set" : "not set";
    }

    private static int count(java.util.Optional<java.util.List<String>> keys) {
        return keys.map(list -> (int) list.stream().filter(k -> !k.isBlank()).count()).orElse(0);
    }
}
