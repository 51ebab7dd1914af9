package dev.enrichment.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without any API key unless {@code API_AUTH_DISABLED=true} (which itself starts only on loopback
 * unless confirmed with {@code API_AUTH_DISABLED_ON_ALL_INTERFACES=true}), warns at every start while it is, and
 * warns about short keys and keys listed as both admin and bot.
 */
@ApplicationScoped
class ApiKeysStartupCheck {

    /** Shorter keys only draw a warning: refusing them would break set-ups that work today. */
    static final int RECOMMENDED_MIN_LENGTH = 16;

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost", "[::1]");

    private final ApiKeysConfig config;
    private final String httpHost;

    ApiKeysStartupCheck(ApiKeysConfig config, @ConfigProperty(name = "quarkus.http.host") String httpHost) {
        this.config = config;
        this.httpHost = httpHost;
    }

    void onStart(@Observes StartupEvent event) {
        check();
    }

    void check() {
        ConfiguredKeys keys = ConfiguredKeys.from(config);
        if (config.authDisabled()) {
            if (!LOOPBACK.contains(httpHost) && !config.authDisabledOnAllInterfaces()) {
                throw new IllegalStateException("API_AUTH_DISABLED=true while the API listens on " + httpHost
                        + ", beyond this machine: anyone who can reach it could act as an admin. Listen on "
                        + "127.0.0.1 only (QUARKUS_HTTP_HOST=127.0.0.1), configure API_ADMIN_KEYS/API_BOT_KEYS, or "
                        + "confirm with API_AUTH_DISABLED_ON_ALL_INTERFACES=true");
            }
            Log.warn("API_AUTH_DISABLED=true: the API accepts every request without a key, including admin "
                    + "actions. Use this for local development only.");
            return;
        }
        if (keys.none()) {
            throw new IllegalStateException("No API key is configured: set API_ADMIN_KEYS and/or API_BOT_KEYS "
                    + "(comma-separated keys), or set API_AUTH_DISABLED=true to serve the API without keys "
                    + "(local development only)");
        }
        long shortKeys = keys.shorterThan(RECOMMENDED_MIN_LENGTH);
        if (shortKeys > 0) {
            Log.warnf(
                    "%d API key(s) in API_ADMIN_KEYS/API_BOT_KEYS are shorter than %d characters; use long random "
                            + "keys, e.g. from 'openssl rand -hex 32'",
                    shortKeys, RECOMMENDED_MIN_LENGTH);
        }
        long shared = keys.inBothLists();
        if (shared > 0) {
            Log.warnf("%d API key(s) are in both API_ADMIN_KEYS and API_BOT_KEYS; they have the admin role", shared);
        }
    }
}
