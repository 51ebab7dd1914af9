package dev.enrichment.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when PostgreSQL hands out a valid connection. Replaces Quarkus's own datasource check, whose DOWN
 * answer carries the driver's message (host, port, user) to anyone: here the reason is shown only with
 * {@code ENRICHMENT_HEALTH_DETAILS=true}, as for the other checks.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;
    private final boolean details;

    @Inject
    DatabaseReadinessCheck(AgroalDataSource dataSource, @ConfigProperty(name = "health.details") boolean details) {
        this((DataSource) dataSource, details);
    }

    DatabaseReadinessCheck(DataSource dataSource, boolean details) {
        this.dataSource = dataSource;
        this.details = details;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        String error;
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                return response.up().build();
            }
            error = "the connection did not validate within " + VALIDATION_SECONDS + " s";
        } catch (SQLException e) {
            error = String.valueOf(e.getMessage());
        }
        return details
                ? response.down().withData("error", error).build()
                : response.down().build();
    }
}
