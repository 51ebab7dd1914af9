package dev.enrichment.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is calling in the current request: the role of the presented API key (never the key), for logging. */
@RequestScoped
public class ApiCaller {

    private ApiRole role;

    void authenticatedAs(ApiRole role) {
        this.role = role;
    }

    /** Empty when authentication is disabled or the request has not been checked. */
    public Optional<ApiRole> role() {
        return Optional.ofNullable(role);
    }
}
