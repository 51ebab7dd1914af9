package dev.enrichment.web;

/**
 * Example error bodies for the OpenAPI document, e.g. {@code @ExampleObject(name = "not-found",
 * value = ProblemExamples.NOT_FOUND)}; the details are the ones the API really sends, where they are fixed.
 */
public final class ProblemExamples {

    public static final String VALIDATION = """
            {"type":"https://enrichment.dev/problems/invalid-request","title":"Invalid request","status":400,\
            "detail":"user_id: must not be blank","fields":[{"field":"user_id","message":"must not be blank"}]}""";

    public static final String MALFORMED_BODY = """
            {"type":"https://enrichment.dev/problems/invalid-request","title":"Invalid request","status":400,\
            "detail":"the request body is not valid JSON"}""";

    public static final String MISSING_KEY = """
            {"type":"https://enrichment.dev/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"an API key is required: send Authorization: Bearer <key> or X-API-Key: <key>"}""";

    public static final String INVALID_KEY = """
            {"type":"https://enrichment.dev/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"the API key is not valid"}""";

    public static final String FORBIDDEN = """
            {"type":"https://enrichment.dev/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"this operation needs an admin key"}""";

    public static final String NOT_FOUND = """
            {"type":"https://enrichment.dev/problems/not-found","title":"Not found","status":404,\
            "detail":"no summary for user u1 and bot elena"}""";

    public static final String CYCLE_RUNNING = """
            {"type":"https://enrichment.dev/problems/conflict","title":"Conflict","status":409,\
            "detail":"an enrichment cycle is already running"}""";

    public static final String LLM_UNAVAILABLE = """
            {"type":"https://enrichment.dev/problems/llm-unavailable","title":"LLM unavailable","status":503,\
            "detail":"the LLM is unavailable; try again later"}""";

    public static final String SOURCE_UNAVAILABLE = """
            {"type":"https://enrichment.dev/problems/conversation-source-unavailable",\
            "title":"Conversation source unavailable","status":503,\
            "detail":"the conversation source (Qdrant) cannot be read right now; try again later"}""";

    public static final String SEARCH_UNAVAILABLE = """
            {"type":"https://enrichment.dev/problems/search-unavailable","title":"Search unavailable","status":503,\
            "detail":"semantic search is switched off (EMBEDDINGS_PROVIDER=off)"}""";

    public static final String INTERNAL_ERROR = """
            {"type":"https://enrichment.dev/problems/internal-error","title":"Internal error","status":500,\
            "detail":"an internal error occurred; quote error id 5f0c1a52-8d0e-4c59-9a51-0d3c8f1e2b7a when \
            reporting it","error_id":"5f0c1a52-8d0e-4c59-9a51-0d3c8f1e2b7a"}""";

    private ProblemExamples() {}
}
