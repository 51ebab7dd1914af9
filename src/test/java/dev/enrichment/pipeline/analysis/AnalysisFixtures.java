package dev.enrichment.pipeline.analysis;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.enrichment.conversation.Message;
import dev.enrichment.conversation.Role;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.llm.LlmConfig;
import dev.enrichment.pipeline.AnalysisInput;
import dev.enrichment.testsupport.llm.LlmWireMockResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Messages, windows, model answers and a fast LLM client for the analysis tests. */
final class AnalysisFixtures {

    static final Instant WINDOW_START = Instant.parse("2025-10-18T00:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2025-10-19T00:00:00Z");
    static final String VALID_SUMMARY = "The user told Elena about moving to Portland for a new nursing job. "
            + "They talked about hiking and marine biology. The user sounded hopeful about the change.";

    static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisFixtures() {}

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** A client with no backoff worth waiting for and {@code maxRetries} retries of transient failures. */
    static LlmClient client(String wireMockBaseUrl, int maxRetries) {
        return new LlmClient(
                config(wireMockBaseUrl, LlmWireMockResource.API_KEY, maxRetries),
                new SimpleMeterRegistry(),
                Clock.systemUTC());
    }

    static LlmConfig config(String wireMockBaseUrl, String apiKey, int maxRetries) {
        return new TestConfig(
                URI.create(wireMockBaseUrl + LlmWireMockResource.BASE_PATH),
                Optional.ofNullable(apiKey),
                LlmWireMockResource.MODEL,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                maxRetries,
                Duration.ofMillis(1),
                Duration.ofMillis(5),
                4);
    }

    static Message message(int index, Role role, String content) {
        return message(index, role, content, null);
    }

    static Message message(int index, Role role, String content, String emotion) {
        return new Message(
                "point-" + index,
                "elena",
                "user-1",
                role,
                content,
                WINDOW_START.plusSeconds(60L * index),
                emotion,
                false);
    }

    /** {@code count} messages alternating user and assistant, each with a unique text. */
    static List<Message> conversation(int count) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message(i, i % 2 == 0 ? Role.USER : Role.ASSISTANT, "Message number " + i + " of the chat."));
        }
        return messages;
    }

    static AnalysisInput window(List<Message> messages) {
        return new AnalysisInput("elena", "user-1", WINDOW_START, WINDOW_END, messages);
    }

    static AnswerBuilder answer() {
        return new AnswerBuilder();
    }

    /** A model answer in the schema's shape; valid unless changed. */
    static final class AnswerBuilder {

        private final ObjectNode node = JSON.createObjectNode();

        AnswerBuilder() {
            node.put("summary", VALID_SUMMARY);
            node.putArray("key_topics").add("moving to Portland").add("hiking");
            node.put("emotional_tone", "positive");
            node.put("confidence", 0.85);
            node.putArray("facts");
            node.putArray("preferences");
        }

        AnswerBuilder summary(String summary) {
            node.put("summary", summary);
            return this;
        }

        AnswerBuilder tone(String tone) {
            node.put("emotional_tone", tone);
            return this;
        }

        AnswerBuilder confidence(double confidence) {
            node.put("confidence", confidence);
            return this;
        }

        AnswerBuilder topics(String... topics) {
            ArrayNode array = node.putArray("key_topics");
            for (String topic : topics) {
                array.add(topic);
            }
            return this;
        }

        AnswerBuilder fact(String name, String type, String relationship, double confidence) {
            ObjectNode fact = ((ArrayNode) node.get("facts")).addObject();
            fact.put("entity_name", name);
            fact.put("entity_type", type);
            fact.put("relationship_type", relationship);
            fact.put("confidence", confidence);
            fact.put("reasoning", "The user said so.");
            return this;
        }

        AnswerBuilder preference(String type, String value, double confidence, boolean explicit) {
            ObjectNode preference = ((ArrayNode) node.get("preferences")).addObject();
            preference.put("preference_type", type);
            preference.put("preference_value", value);
            preference.put("confidence", confidence);
            preference.put("is_explicit", explicit);
            preference.put("is_preference_change", false);
            preference.put("reasoning", "The user asked for it.");
            return this;
        }

        AnswerBuilder set(String field, Object value) {
            node.set(field, JSON.valueToTree(value));
            return this;
        }

        AnswerBuilder without(String field) {
            node.remove(field);
            return this;
        }

        String json() {
            return node.toString();
        }
    }

    private record TestConfig(
            URI apiUrl,
            Optional<String> apiKey,
            String model,
            Duration connectTimeout,
            Duration readTimeout,
            int maxRetries,
            Duration initialBackoff,
            Duration maxBackoff,
            int maxConcurrency)
            implements LlmConfig {

        @Override
        public double pricePerMillionPromptTokens() {
            return 3.0;
        }

        @Override
        public double pricePerMillionCompletionTokens() {
            return 15.0;
        }
    }
}
