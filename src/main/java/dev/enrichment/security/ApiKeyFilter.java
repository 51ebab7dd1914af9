package dev.enrichment.security;

import io.quarkus.logging.Log;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the API key of every request that matched a JAX-RS endpoint against the endpoint's {@link BotAccess} or
 * {@link AdminAccess}; an endpoint with neither is closed. Refusals are thrown as {@link AccessDeniedException}, which
 * the problem mapper turns into the response. Non-JAX-RS routes ({@code /q/health}, {@code /q/metrics},
 * {@code /q/openapi}) never reach it.
 */
class ApiKeyFilter {

    private final ApiKeyCheck check;
    private final ApiCaller caller;
    private final Map<Method, Optional<ApiRole>> rules = new ConcurrentHashMap<>();

    ApiKeyFilter(ApiKeysConfig config, ApiCaller caller) {
        this.check = new ApiKeyCheck(ApiKeyRing.of(ConfiguredKeys.from(config)), config.authDisabled());
        this.caller = caller;
    }

    // Non-blocking: refusing a request costs no worker thread.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, nonBlocking = true)
    void authorize(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Optional<ApiRole> required = method == null
                ? Optional.empty()
                : rules.computeIfAbsent(method, m -> AccessRules.requiredRole(m, resource.getResourceClass()));
        Optional<String> key = PresentedKey.from(
                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(PresentedKey.API_KEY_HEADER));
        try {
            check.authorize(required, key).ifPresent(caller::authenticatedAs);
        } catch (AccessDeniedException e) {
            if (e.reason() == AccessDeniedException.Reason.NO_ACCESS_RULE) {
                Log.warnf(
                        "%s %s refused: %s declares neither @BotAccess nor @AdminAccess",
                        request.getMethod(), request.getUriInfo().getPath(), method);
            } else {
                Log.debugf(
                        "%s %s refused: %s",
                        request.getMethod(), request.getUriInfo().getPath(), e.reason());
            }
            throw e;
        }
    }
}
