package dev.enrichment;

import dev.enrichment.conversation.QdrantConfig;
import dev.enrichment.llm.LlmConfig;
import dev.enrichment.pipeline.PipelineConfig;
import dev.enrichment.security.ApiKeysConfig;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Logs the effective configuration once, secrets reduced to "set" or "not set", before the first connection to
 * PostgreSQL, so that a start that fails on the database shows the settings it failed with.
 * <p>
 * The first connection is Flyway's migrate-at-start, run while Quarkus initialises the runtime, long before
 * {@link StartupEvent}; Hibernate's schema validation comes after it and needs the migrated schema, so migrating
 * later is no option. Just before Flyway builds its instance (which opens no connection yet) it hands its
 * configuration to every {@link FlywayConfigurationCustomizer} bean. This one changes nothing and only reports:
 * at that point the runtime configuration is complete and logging is set up, in JVM and native mode alike. The
 * {@link StartupEvent} observer covers a start on which Flyway does not run.
 * <p>
 * Injecting every mapping here also has Quarkus validate each of them at start-up, including those no other bean
 * uses yet.
 */
@ApplicationScoped
class StartupReport implements FlywayConfigurationCustomizer {

    // Read by EnrichmentMain's exit handler, which runs after the bean container is gone.
    private static final AtomicReference<DatabaseTarget> DATABASE = new AtomicReference<>();

    private final QdrantConfig qdrant;
    private final DatabaseConfig database;
    private final LlmConfig llm;
    private final PipelineConfig pipeline;
    private final ApiKeysConfig api;
    private final Config config;
    private final AtomicBoolean reported = new AtomicBoolean();

    StartupReport(
            QdrantConfig qdrant,
            DatabaseConfig database,
            LlmConfig llm,
            PipelineConfig pipeline,
            ApiKeysConfig api,
            Config config) {
        this.qdrant = qdrant;
        this.database = database;
        this.llm = llm;
        this.pipeline = pipeline;
        this.api = api;
        this.config = config;
    }

    /** The database this process last reported it would connect to, if it got that far. */
    static Optional<DatabaseTarget> databaseTarget() {
        return Optional.ofNullable(DATABASE.get());
    }

    @Override
    public void customize(FluentConfiguration flyway) {
        reportOnce();
    }

    void onStart(@Observes StartupEvent event) {
        reportOnce();
    }

    private void reportOnce() {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        DatabaseTarget target = DatabaseTarget.from(database, config);
        DATABASE.set(target);
        Log.infof(
                "Qdrant %s:%d (tls=%s, api key %s), bot collections with prefixes %s",
                qdrant.host(),
                qdrant.grpcPort(),
                qdrant.useTls(),
                setOrNot(qdrant.apiKey().isPresent()),
                qdrant.collectionPrefixes());
        Log.infof("PostgreSQL %s", target.describe());
        Log.infof(
                "LLM %s, model %s, api key %s, at most %d calls at once",
                llm.apiUrl(),
                llm.model(),
                setOrNot(llm.apiKey().filter(k -> !k.isBlank()).isPresent()),
                llm.maxConcurrency());
        Log.infof(
                "Worker: every %d s, %d-hour windows, at least %d messages per summary, first look back %d days",
                pipeline.intervalSeconds(),
                pipeline.timeWindowHours(),
                pipeline.minMessagesForSummary(),
                pipeline.lookbackDays());
        Log.infof(
                "API keys: %d admin, %d bot%s",
                count(api.adminKeys()),
                count(api.botKeys()),
                api.authDisabled() ? " (API_AUTH_DISABLED=true: the API accepts requests without a key)" : "");
        Log.infof(
                "Health details (hosts, driver errors) in /q/health: %s",
                ConfigProvider.getConfig()
                                .getOptionalValue("health.details", Boolean.class)
                                .orElse(false)
                        ? "shown (ENRICHMENT_HEALTH_DETAILS=true)"
                        : "hidden");
    }

    private static String setOrNot(boolean set) {
        return set ? "set" : "not set";
    }

    private static int count(Optional<java.util.List<String>> keys) {
        return keys.map(list -> (int) list.stream().filter(k -> !k.isBlank()).count())
                .orElse(0);
    }
}
