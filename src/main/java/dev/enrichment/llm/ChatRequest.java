package dev.enrichment.llm;

import java.util.List;
import java.util.Objects;

/**
 * One chat completion request. A null {@code model} means the configured {@code LLM_CHAT_MODEL}; null
 * {@code temperature}, {@code maxTokens} and {@code responseFormat} are left out so the provider's defaults apply.
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        Integer maxTokens,
        ResponseFormat responseFormat) {

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
        return new ChatRequest(null, messages, null, null, null);
    }

    public ChatRequest withModel(String newModel) {
        return new ChatRequest(newModel, messages, temperature, maxTokens, responseFormat);
    }

    public ChatRequest withTemperature(double newTemperature) {
        return new ChatRequest(model, messages, newTemperature, maxTokens, responseFormat);
    }

    public ChatRequest withMaxTokens(int newMaxTokens) {
        return new ChatRequest(model, messages, temperature, newMaxTokens, responseFormat);
    }

    public ChatRequest withResponseFormat(ResponseFormat newResponseFormat) {
        return new ChatRequest(model, messages, temperature, maxTokens, newResponseFormat);
    }
}
