package dev.enrichment.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The {@code /chat/completions} request body on the wire (snake_case, nulls left out). */
@RegisterForReflection
record OpenAiChatRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        Integer maxTokens,
        ResponseFormat responseFormat) {

    static OpenAiChatRequest from(ChatRequest request, String model) {
        return new OpenAiChatRequest(
                model, request.messages(), request.temperature(), request.maxTokens(), request.responseFormat());
    }
}
