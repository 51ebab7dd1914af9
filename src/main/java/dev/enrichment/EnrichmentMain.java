package dev.enrichment;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Starts the service. Its only addition to Quarkus's own main: when start-up fails on a bad setting, one more log
 * line names the environment variable to fix, since users configure WhisperEngine variables, not property names.
 */
@QuarkusMain
public class EnrichmentMain {

    private static final Logger LOG = Logger.getLogger(EnrichmentMain.class);

    public static void main(String... args) {
        BiConsumer<Integer, Throwable> quarkusDefault = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(null, (exitCode, failure) -> {
            if (failure != null) {
                ConfigFailureExplainer.fromClasspath()
                        .explain(failure)
                        .ifPresent(LOG::error);
            }
            quarkusDefault.accept(exitCode, failure);
        }, args);
    }
}
