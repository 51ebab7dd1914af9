package dev.enrichment.security;

import dev.enrichment.StrictBooleanConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
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

    /**
     * {@code API_AUTH_DISABLED_ON_ALL_INTERFACES}: serve the API without keys although it listens beyond loopback
     * (a protected network, say); without it, {@code API_AUTH_DISABLED} only starts on 127.0.0.1, ::1 or localhost.
     */
    @WithDefault("false")
    @WithConverter(StrictBooleanConverter.class)
    boolean authDisabledOnAllInterfaces();
}
