package dev.enrichment.llm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OpenRouter's prompt-caching hints. Anthropic and Gemini models cache a prompt prefix only when a content part
 * carries {@code cache_control: {"type": "ephemeral"}}; OpenAI-family and most other models cache a long, stable
 * prefix by themselves, so for them the request is left as it is and only the order (fixed system prompt first)
 * matters.
 */
final class PromptCaching {

    private static final List<String> EXPLICIT = List.of("anthropic/", "google/gemini");

    private PromptCaching() {}

    /** Whether OpenRouter needs an explicit marker to cache this model's prompts. */
    static boolean needsMarker(String model) {
        String name = model == null ? "" : model.toLowerCase(Locale.ROOT);
        return EXPLICIT.stream().anyMatch(name::startsWith);
    }

    /** The message with its text as one content part marked as the end of the cacheable prefix. */
    static Map<String, Object> marked(ChatMessage message) {
        return Map.of(
                "role",
                message.role(),
                "content",
                List.of(Map.of(
                        "type", "text", "text", message.content(), "cache_control", Map.of("type", "ephemeral"))));
    }
}
