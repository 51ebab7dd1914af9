package dev.enrichment.web;

/** Texts and names for the API description in /q/openapi; the {@code @OpenAPIDefinition} is on this package. */
final class OpenApiTexts {

    static final String BEARER = "bearer";
    static final String API_KEY = "api_key";

    static final String DESCRIPTION = """
            Reads WhisperEngine conversations from Qdrant, has an LLM summarise each time window and extract facts \
            and preferences, and stores them in PostgreSQL, where the bots read them. This API serves those results \
            (summaries, facts, preferences, recaps) and the admin actions (enrichment runs, jobs).

            **Keys and roles.** Send a key as `Authorization: Bearer <key>` or `X-API-Key: <key>`. A *bot* key \
            (`API_BOT_KEYS`) may read; an *admin* key (`API_ADMIN_KEYS`) may do everything. Each operation says \
            which role it needs. No key or an unknown key gives 401; a bot key on an admin operation gives 403. \
            `/q/health/*`, `/q/metrics` and `/q/openapi` need no key.

            **Format.** JSON names are snake_case; times are ISO-8601 in UTC with a `Z`.

            **Errors.** Every error is an RFC 9457 `application/problem+json` body with `type`, `title`, \
            `status` and `detail`; validation errors add `fields`, internal errors an `error_id` to quote. \
            The `type` URIs (`https://enrichment.dev/problems/<kind>`) identify the kind of problem; \
            they are not meant to be fetched.""";

    private OpenApiTexts() {}
}
