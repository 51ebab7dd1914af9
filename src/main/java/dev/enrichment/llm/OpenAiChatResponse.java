package dev.enrichment.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of a {@code /chat/completions} response body this client reads; unknown fields are ignored. */
@RegisterForReflection
record OpenAiChatResponse(String id, String model, List<Choice> choices, Usage usage) {

    @RegisterForReflection
    record Choice(Message message, String finishReason) {}

    @RegisterForReflection
    record Message(String role, String content) {}

    /** {@code cost} is OpenRouter's charge in credits; other providers leave it out. */
    @RegisterForReflection
    record Usage(Long promptTokens, Long completionTokens, Long totalTokens, Double cost) {}
}
