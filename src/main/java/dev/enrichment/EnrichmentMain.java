package dev.enrichment;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Starts the service. Its one addition to Quarkus's own main: when start-up fails, the failure is logged and, for a
 * bad setting, one more line names the environment variable to fix, since users set variables, not property names.
 */
@QuarkusMain
public class EnrichmentMain {

    private static final Logger LOG = Logger.getLogger(EnrichmentMain.class);

    public static void main(String... args) {
        if (HealthProbe.isRequested(args)) {
            System.exit(HealthProbe.run());
        }
        BiConsumer<Integer, Throwable> quarkusDefault = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(
                null,
                (exitCode, failure) -> {
                    if (failure != null) {
                        // With an exit handler of our own, Quarkus leaves reporting the failure to us.
                        LOG.errorf(failure, "Start-up failed: %s", rootMessage(failure));
                        ConfigFailureExplainer.fromClasspath().explain(failure).ifPresent(LOG::error);
                        DatabaseFailureExplainer.explain(failure, StartupReport.databaseTarget())
                                .ifPresent(LOG::error);
                    }
                    quarkusDefault.accept(exitCode, failure);
                },
                args);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
