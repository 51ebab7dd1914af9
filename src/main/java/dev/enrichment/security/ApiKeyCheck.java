package dev.enrichment.security;

import dev.enrichment.security.AccessDeniedException.Reason;
import java.util.Optional;

/** Decides whether a request may reach an endpoint, from the endpoint's rule and the key the request presents. */
final class ApiKeyCheck {

    private final ApiKeyRing keys;
    private final boolean disabled;

    ApiKeyCheck(ApiKeyRing keys, boolean disabled) {
        this.keys = keys;
        this.disabled = disabled;
    }

    /**
     * The caller's role, or empty when authentication is disabled.
     *
     * @throws AccessDeniedException when the key is missing or unknown (401) or lacks the role (403)
     */
    Optional<ApiRole> authorize(Optional<ApiRole> required, Optional<String> presentedKey) {
        if (disabled) {
            return Optional.empty();
        }
        String key = presentedKey.orElseThrow(() -> new AccessDeniedException(Reason.MISSING_KEY));
        ApiRole role = keys.roleOf(key).orElseThrow(() -> new AccessDeniedException(Reason.INVALID_KEY));
        ApiRole needed = required.orElseThrow(() -> new AccessDeniedException(Reason.NO_ACCESS_RULE));
        if (!role.covers(needed)) {
            throw new AccessDeniedException(Reason.ROLE_MISSING);
        }
        return Optional.of(role);
    }
}
