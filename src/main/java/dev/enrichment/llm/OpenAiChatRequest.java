package dev.enrichment.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The {@code /chat/completions} request body on the wire (snake_case, nulls left out). A message is a
 * {@link ChatMessage}, or a plain map with content parts when it carries a prompt-cache marker.
 */
@RegisterForReflection
record OpenAiChatRequest(
        String model, List<Object> messages, Double temperature, Integer maxTokens, ResponseFormat responseFormat) {

    static OpenAiChatRequest from(ChatRequest request, String model) {
        boolean mark = request.cacheSystemPrompt() && PromptCaching.needsMarker(model);
        List<Object> messages = request.messages().stream()
                .map(message ->
                        mark && message.role().equals("system") ? PromptCaching.marked(message) : (Object) message)
                .toList();
        return new OpenAiChatRequest(
                model, messages, request.temperature(), request.maxTokens(), request.responseFormat());
    }
}
