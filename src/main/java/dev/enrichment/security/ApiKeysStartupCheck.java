package dev.enrichment.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start without any API key unless {@code API_AUTH_DISABLED=true}, warns at every start while it is, and
 * warns about short keys and keys listed as both admin and bot.
 */
@ApplicationScoped
class ApiKeysStartupCheck {

    /** Shorter keys only draw a warning: refusing them would break set-ups that work today. */
    static final int RECOMMENDED_MIN_LENGTH = 16;

    private final ApiKeysConfig config;

    ApiKeysStartupCheck(ApiKeysConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        check();
    }

    void check() {
        ConfiguredKeys keys = ConfiguredKeys.from(config);
        if (config.authDisabled()) {
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
