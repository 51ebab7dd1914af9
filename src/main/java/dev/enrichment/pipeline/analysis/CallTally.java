package dev.enrichment.pipeline.analysis;

import dev.enrichment.llm.ChatCompletion;

/** The chat calls one window analysis made, their token usage and the model that answered. Not thread-safe. */
final class CallTally {

    private int calls;
    private long promptTokens;
    private long completionTokens;
    private String model;

    CallTally(String defaultModel) {
        this.model = defaultModel;
    }

    void called() {
        calls++;
    }

    ChatCompletion answered(ChatCompletion completion) {
        promptTokens += completion.usage().promptTokens();
        completionTokens += completion.usage().completionTokens();
        if (completion.model() != null && !completion.model().isBlank()) {
            model = completion.model();
        }
        return completion;
    }

    int calls() {
        return calls;
    }

    long promptTokens() {
        return promptTokens;
    }

    long completionTokens() {
        return completionTokens;
    }

    String model() {
        return model;
    }
}
