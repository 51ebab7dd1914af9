package dev.enrichment.security;

/** What an API key may do: a bot key reads, an admin key does everything. */
public enum ApiRole {
    BOT,
    ADMIN;

    /** True when a key with this role may call an endpoint that needs {@code required}. */
    public boolean covers(ApiRole required) {
        return this == ADMIN || required == BOT;
    }
}
