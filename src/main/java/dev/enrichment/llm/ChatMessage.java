package dev.enrichment.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** One message of a chat prompt: a role ({@code system}, {@code user}, {@code assistant}) and its text. */
@RegisterForReflection
public record ChatMessage(String role, String content) {

    public ChatMessage {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }

    // Prompts carry conversation text: a stray log of a request must not print it.
    @Override
    public String toString() {
        return "ChatMessage[role=" + role + ", content=<" + content.length() + " chars>]";
    }
}
