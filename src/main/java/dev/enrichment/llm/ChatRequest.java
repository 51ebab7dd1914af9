package dev.enrichment.llm;

import java.util.List;
import java.util.Objects;

/**
 * One chat completion request. A null {@code model} means the configured {@code LLM_CHAT_MODEL}; null
 * {@code temperature}, {@code maxTokens} and {@code responseFormat} are left out so the provider's defaults apply.
 *
 * @param cacheSystemPrompt the system messages are the same across many calls: mark them for the provider's prompt
 *     cache where it needs an explicit marker (see {@link PromptCaching})
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        Integer maxTokens,
        ResponseFormat responseFormat,
        boolean cacheSystemPrompt) {

    public ChatRequest {
        model = model == null || model.isBlank() ? null : model;
        Objects.requireNonNull(messages, "messages");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        messages = List.copyOf(messages);
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    public static ChatRequest of(ChatMessage... messages) {
        return of(List.of(messages));
    }

    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(null, messages, null, null, null, false);
    }

    public ChatRequest withModel(String newModel) {
        return new ChatRequest(newModel, messages, temperature, maxTokens, responseFormat, cacheSystemPrompt);
    }

    public ChatRequest withTemperature(double newTemperature) {
        return new ChatRequest(model, messages, newTemperature, maxTokens, responseFormat, cacheSystemPrompt);
    }

    public ChatRequest withMaxTokens(int newMaxTokens) {
        return new ChatRequest(model, messages, temperature, newMaxTokens, responseFormat, cacheSystemPrompt);
    }

    public ChatRequest withResponseFormat(ResponseFormat newResponseFormat) {
        return new ChatRequest(model, messages, temperature, maxTokens, newResponseFormat, cacheSystemPrompt);
    }

    /** Asks for the system prompt to be cached where the provider needs to be told; harmless elsewhere. */
    public ChatRequest withCachedSystemPrompt() {
        return new ChatRequest(model, messages, temperature, maxTokens, responseFormat, true);
    }
}
