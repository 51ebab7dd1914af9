package dev.enrichment;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The WhisperEngine {@code POSTGRES_*} variables. They are assembled into the datasource URL in
 * {@code application.properties}; this mapping exists so that a bad value fails start-up naming the variable.
 */
@ConfigMapping(prefix = "postgres")
public interface DatabaseConfig {

    /** {@code POSTGRES_HOST}. */
    @NotBlank(message = "POSTGRES_HOST must not be blank")
    String host();

    /** {@code POSTGRES_PORT}. */
    @Min(value = 1, message = "POSTGRES_PORT must be a port number between 1 and 65535")
    @Max(value = 65535, message = "POSTGRES_PORT must be a port number between 1 and 65535")
    int port();

    /** {@code POSTGRES_DB}. */
    @NotBlank(message = "POSTGRES_DB must not be blank")
    String db();

    /** {@code POSTGRES_USER}. */
    @NotBlank(message = "POSTGRES_USER must not be blank")
    String user();
}
