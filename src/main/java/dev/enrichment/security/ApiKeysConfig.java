package dev.enrichment.security;

import dev.enrichment.StrictBooleanConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import java.util.List;
import java.util.Optional;

/** API keys and roles ({@code API_*} variables). */
@ConfigMapping(prefix = "api")
public interface ApiKeysConfig {

    /** {@code API_ADMIN_KEYS}: comma-separated keys allowed to do everything. */
    Optional<List<String>> adminKeys();

    /** {@code API_BOT_KEYS}: comma-separated keys allowed to read. */
    Optional<List<String>> botKeys();

    /** {@code API_AUTH_DISABLED}: serve the API without keys; meant for local development only. */
    @WithConverter(StrictBooleanConverter.class)
    boolean authDisabled();
}
