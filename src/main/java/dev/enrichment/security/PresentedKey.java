package dev.enrichment.security;

import java.util.Locale;
import java.util.Optional;

/** Finds the key a request presents: {@code Authorization: Bearer <key>} first, else {@code X-API-Key}. */
final class PresentedKey {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";

    private PresentedKey() {}

    static Optional<String> from(String authorization, String apiKeyHeader) {
        return bearer(authorization).or(() -> nonBlank(apiKeyHeader));
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.empty();
        }
        return nonBlank(value.substring(BEARER.length()));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
