package dev.enrichment.llm;

import java.util.Objects;

/**
 * A successful chat completion. {@code cost} is what the provider charged (OpenRouter credits) and {@code requestId}
 * its generation or request id; both are null when the provider did not send them.
 */
public record ChatCompletion(
        String content,
        String model,
        String finishReason,
        TokenUsage usage,
        Double cost,
        String requestId,
        int attempts) {

    public ChatCompletion {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(usage, "usage");
    }

    // The answer is derived from conversation text: a stray log must not print it.
    @Override
    public String toString() {
        return "ChatCompletion[content=<" + content.length() + " chars>, model=" + model + ", finishReason="
                + finishReason + ", usage=" + usage + ", cost=" + cost + ", requestId=" + requestId
                + ", attempts=" + attempts + "]";
    }
}
